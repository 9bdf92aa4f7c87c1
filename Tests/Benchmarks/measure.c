/* Runs one command as a whole process and measures it: wall time (CLOCK_MONOTONIC, from before
   fork to the child's exit) and peak resident memory (ru_maxrss from wait4).

   Why a launcher in C: a child forked from a large process (the Python harness) starts with the
   parent's pages mapped, and Linux keeps that high-water mark in the child's ru_maxrss across
   exec; a tiny launcher forks from about 1 MiB, so a small program's peak is its own.

   Usage: measure STDOUT STDERR TIMEOUT_S MAX_RSS_KIB -- COMMAND [ARG...]
   STDOUT and STDERR are files the command's output goes to (stdin is /dev/null). A command that
   runs longer than TIMEOUT_S seconds or whose resident memory passes MAX_RSS_KIB is killed.
   Prints one line: wall_s=W maxrss_kib=K status=S stopped=none|timeout|memory
   (S: the exit status, or 128+signal). Exit 0 when measured, 2 on a usage or launch error.
   Build: gcc -O2 -o measure measure.c */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static long resident_kib(pid_t pid) {
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/statm", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    long size = 0, resident = 0;
    if (fscanf(f, "%ld %ld", &size, &resident) != 2) resident = 0;
    fclose(f);
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

int main(int argc, char **argv) {
    if (argc < 7 || strcmp(argv[5], "--") != 0) {
        fprintf(stderr, "usage: measure STDOUT STDERR TIMEOUT_S MAX_RSS_KIB -- COMMAND [ARG...]\n");
        return 2;
    }
    const char *out = argv[1], *err = argv[2];
    double timeout = atof(argv[3]);
    long max_rss = atol(argv[4]);
    char **command = argv + 6;

    int in_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    int out_fd = open(out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    int err_fd = open(err, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (in_fd < 0 || out_fd < 0 || err_fd < 0) {
        perror("measure: open");
        return 2;
    }
    int ready[2];  /* the child reports a failed exec through this pipe */
    if (pipe2(ready, O_CLOEXEC) != 0) {
        perror("measure: pipe");
        return 2;
    }

    double start = now();
    pid_t pid = fork();
    if (pid < 0) {
        perror("measure: fork");
        return 2;
    }
    if (pid == 0) {
        dup2(in_fd, 0);
        dup2(out_fd, 1);
        dup2(err_fd, 2);
        execvp(command[0], command);
        int e = errno;
        if (write(ready[1], &e, sizeof e) < 0) _exit(127);
        _exit(127);
    }
    close(ready[1]);
    int exec_errno = 0;
    if (read(ready[0], &exec_errno, sizeof exec_errno) == (ssize_t)sizeof exec_errno) {
        waitpid(pid, NULL, 0);
        fprintf(stderr, "measure: cannot run %s: %s\n", command[0], strerror(exec_errno));
        return 2;
    }

    int pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
    const char *stopped = "none";
    for (;;) {
        double elapsed = now() - start;
        int wait_ms = elapsed < 1 ? 10 : 50;
        int ready_now;
        if (pidfd >= 0) {
            struct pollfd p = {.fd = pidfd, .events = POLLIN};
            ready_now = poll(&p, 1, wait_ms) > 0;
        } else {  /* no pidfd (old kernel): poll by waitid without reaping */
            siginfo_t info = {0};
            ready_now = waitid(P_PID, (id_t)pid, &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid;
            if (!ready_now) usleep((useconds_t)wait_ms * 1000);
        }
        if (ready_now) break;
        if (strcmp(stopped, "none") == 0) {
            if (timeout > 0 && now() - start > timeout) stopped = "timeout";
            else if (max_rss > 0 && resident_kib(pid) > max_rss) stopped = "memory";
            if (strcmp(stopped, "none") != 0) kill(pid, SIGKILL);
        }
    }
    double wall = now() - start;
    int status = 0;
    struct rusage usage;
    if (wait4(pid, &status, 0, &usage) < 0) {
        perror("measure: wait4");
        return 2;
    }
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    printf("wall_s=%.6f maxrss_kib=%ld status=%d stopped=%s\n", wall, usage.ru_maxrss, code, stopped);
    return 0;
}
