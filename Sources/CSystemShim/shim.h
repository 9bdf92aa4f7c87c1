#ifndef SCORECARD_CSYSTEMSHIM_H
#define SCORECARD_CSYSTEMSHIM_H

/* The one C library call the Swift Glibc module does not export: exchanging two paths in one
   atomic step, which the result ledger uses to replace a final record. Returns 0, or -1 with
   errno set; ENOSYS, EINVAL or ENOTSUP when the kernel or the file system cannot exchange. */

#include <errno.h>

#if defined(__linux__)
#include <fcntl.h>
#include <unistd.h>
#include <sys/syscall.h>

static inline int scorecard_exchange_paths(const char *first, const char *second) {
#if defined(SYS_renameat2)
    /* RENAME_EXCHANGE is 2 in <linux/fs.h>; renameat2 itself is declared only with _GNU_SOURCE. */
    return (int)syscall(SYS_renameat2, AT_FDCWD, first, AT_FDCWD, second, 2u);
#else
    (void)first; (void)second;
    errno = ENOSYS;
    return -1;
#endif
}

#elif defined(__APPLE__)
#include <stdio.h>

static inline int scorecard_exchange_paths(const char *first, const char *second) {
    return renamex_np(first, second, RENAME_SWAP);
}

#else

static inline int scorecard_exchange_paths(const char *first, const char *second) {
    (void)first; (void)second;
    errno = ENOSYS;
    return -1;
}

#endif

#endif
