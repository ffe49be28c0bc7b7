// Fixture for self_test.sh: compute links base and report only.
#include "compute/figures.h"

#include <hb.h>

#include <vector>

#include "layout/paginate.h"
#include "report/model.h"
