// Fixture for self_test.sh: an earlier stage.
#pragma once
