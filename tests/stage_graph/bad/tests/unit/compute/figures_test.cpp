// Fixture for self_test.sh: a unit test includes GoogleTest, its stage and, wrongly, pdf/.
#include <gtest/gtest.h>

#include "compute/figures.h"
#include "example_report.h"
#include "pdf/writer.h"
