// Fixture for self_test.sh: a later stage.
#pragma once
