#ifndef SCORECARD_CYAML_SHIM_H
#define SCORECARD_CYAML_SHIM_H
#include <yaml.h>
#endif
