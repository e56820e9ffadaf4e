/*
 * skip_probe.c - a unit-test program whose tests do what its argument
 * says, to prove what tests/unit/harness.h makes of a skip: "pass" passes
 * (exit 0); "skip" skips a whole test and "part" one part of a test (exit
 * 77, ctest's skip code, or 1 when RELIRE_STRICT is set); "missing" lacks
 * a hard dependency (exit 1 either way). tests/strict/no_skip.sh runs it.
 */
#include <string.h>

#include "../unit/harness.h"

static void test_pass(void)
{
	CHECK(1 + 1 == 2);
}

static void test_skip(void)
{
	SKIP("a prerequisite this probe never finds");
}

static void test_part(void)
{
	SKIP_PART("a prerequisite of one part this probe never finds");
	CHECK(2 + 2 == 4);
}

static void test_missing(void)
{
	MISSING("a hard dependency this probe never finds");
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "pass";

	RUN(test_pass);
	if (!strcmp(mode, "skip"))
		RUN(test_skip);
	else if (!strcmp(mode, "part"))
		RUN(test_part);
	else if (!strcmp(mode, "missing"))
		RUN(test_missing);
	else if (strcmp(mode, "pass"))
		return 2;
	return harness_done();
}
