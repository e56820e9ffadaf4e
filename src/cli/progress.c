/*
 * progress.c - the terminal progress line (see progress.h). Drawn with a
 * carriage return and padding only, so it works on any terminal.
 */
#include "cli/progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "common/util.h"

struct progress {
	int enabled;
	struct timespec start;
	double last_draw; /* seconds since start, 0 = never drawn */
	size_t articles, read, total;
	int total_unknown;
	size_t shown; /* width of the line on screen, 0 = none */
};

static double now_since(const struct timespec *start)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - start->tv_sec) +
	       (double)(t.tv_nsec - start->tv_nsec) / 1e9;
}

struct progress *progress_new(int enabled)
{
	struct progress *p = xcalloc(1, sizeof(*p));

	p->enabled = enabled && isatty(STDERR_FILENO);
	clock_gettime(CLOCK_MONOTONIC, &p->start);
	return p;
}

void progress_expect(struct progress *p, const char *path)
{
	struct stat st;

	if (!p || !p->enabled)
		return;
	if (!strcmp(path, "-") || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		p->total_unknown = 1;
	else
		p->total += (size_t)st.st_size;
}

void progress_read(struct progress *p, size_t n)
{
	if (p)
		p->read += n;
}

void progress_format(char *buf, size_t size, size_t articles, double elapsed,
		     size_t read, size_t total)
{
	double rate = elapsed > 0 ? (double)articles / elapsed : 0;
	int n = snprintf(buf, size, "relire: %zu article%s, %.0f/s", articles,
			 articles == 1 ? "" : "s", rate);

	if (total && read && read <= total && n > 0 && (size_t)n < size) {
		unsigned long left =
		    (unsigned long)(elapsed * (double)(total - read) /
					(double)read +
				    0.5);

		snprintf(buf + n, size - (size_t)n, ", about %lu:%02lu left",
			 left / 60, left % 60);
	}
}

static void draw(struct progress *p, double elapsed)
{
	char line[128];
	size_t len;

	progress_format(line, sizeof(line), p->articles, elapsed, p->read,
			p->total_unknown ? 0 : p->total);
	len = strlen(line);
	fprintf(stderr, "\r%s%*s", line,
		p->shown > len ? (int)(p->shown - len) : 0, "");
	fflush(stderr);
	p->shown = len;
	p->last_draw = elapsed;
}

void progress_article(struct progress *p)
{
	double elapsed;

	if (!p)
		return;
	p->articles++;
	if (!p->enabled)
		return;
	elapsed = now_since(&p->start);
	if (elapsed >= PROGRESS_DELAY &&
	    (!p->shown || elapsed - p->last_draw >= PROGRESS_INTERVAL))
		draw(p, elapsed);
}

void progress_clear(struct progress *p)
{
	if (!p || !p->shown)
		return;
	fprintf(stderr, "\r%*s\r", (int)p->shown, "");
	fflush(stderr);
	p->shown = 0;
}

void progress_free(struct progress *p)
{
	progress_clear(p);
	free(p);
}
