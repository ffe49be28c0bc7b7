// Fixture for self_test.sh.
#pragma once
