/* The floor for rule loading: libyaml's raw event parse of rule files, nothing built from it.
   For each file in turn: read it whole, run yaml_parser_parse until the stream ends, count the
   events. Prints the events and bytes in all. Exit 1 on a parse error (with libyaml's message
   and place), 2 on a usage or read error.
   Build: gcc -O2 -o yaml_events yaml_events.c -lyaml
   Run:   yaml_events FILE...  */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

static int parse_file(const char *path, long *events, long *bytes) {
    FILE *file = fopen(path, "rb");
    if (!file) {
        perror(path);
        return 2;
    }
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    unsigned char *text = malloc(size > 0 ? (size_t)size : 1);
    if (!text || fread(text, 1, (size_t)size, file) != (size_t)size) {
        perror(path);
        fclose(file);
        return 2;
    }
    fclose(file);

    yaml_parser_t parser;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, text, (size_t)size);
    int status = 0;
    for (;;) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event)) {
            fprintf(stderr, "%s:%zu:%zu: %s\n", path, parser.problem_mark.line + 1,
                    parser.problem_mark.column + 1, parser.problem ? parser.problem : "parse error");
            status = 1;
            break;
        }
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        (*events)++;
        if (done) break;
    }
    yaml_parser_delete(&parser);
    free(text);
    *bytes += size;
    return status;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: yaml_events FILE...\n");
        return 2;
    }
    long events = 0, bytes = 0;
    for (int i = 1; i < argc; i++) {
        int status = parse_file(argv[i], &events, &bytes);
        if (status != 0) return status;
    }
    printf("files %d events %ld bytes %ld\n", argc - 1, events, bytes);
    return 0;
}
