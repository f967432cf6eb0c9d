#ifndef DOJO_COPENBLAS_SHIM_H
#define DOJO_COPENBLAS_SHIM_H
#include <cblas.h>
// Debian's OpenBLAS exports these beside the CBLAS interface; declared here so the
// header set does not matter.
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);
char *openblas_get_config(void);
char *openblas_get_corename(void);
#endif
