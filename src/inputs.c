/*
 * inputs.c - expand command-line paths into a sorted list of articles.
 */
#include "inputs.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util.h"

static void add(struct inputs *in, const char *path, const char *id, int err)
{
	GROW(in->v, in->cap, in->n + 1);
	in->v[in->n].path = xstrdup(path);
	in->v[in->n].id = xstrdup(id);
	in->v[in->n].err = err;
	in->n++;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int has_txt_suffix(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && !strcmp(name + n - 4, ".txt");
}

static void walk(struct inputs *in, const char *dir, const char *rel,
		 size_t depth);

static void visit(struct inputs *in, const char *path, const char *rel,
		  const char *name, size_t depth)
{
	struct stat lst, st;

	if (lstat(path, &lst) < 0) {
		if (has_txt_suffix(name))
			add(in, path, rel, errno);
		return;
	}
	if (S_ISDIR(lst.st_mode)) {
		walk(in, path, rel, depth + 1);
		return;
	}
	if (!has_txt_suffix(name))
		return;
	if (stat(path, &st) < 0) /* dangling or looping symlink */
		add(in, path, rel, errno);
	else if (S_ISREG(st.st_mode))
		add(in, path, rel, 0);
	else if (S_ISDIR(st.st_mode))
		add(in, path, rel, EISDIR);
}

static void walk(struct inputs *in, const char *dir, const char *rel,
		 size_t depth)
{
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	struct strbuf path, id;
	DIR *dp;

	if (depth > 256 || !(dp = opendir(dir))) {
		add(in, dir, *rel ? rel : dir, depth > 256 ? ELOOP : errno);
		return;
	}
	while ((de = readdir(dp))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		GROW(names, cap, n + 1);
		names[n++] = xstrdup(de->d_name);
	}
	closedir(dp);
	xqsort(names, n, sizeof(*names), cmp_name);
	sb_init(&path);
	sb_init(&id);
	for (size_t i = 0; i < n; i++) {
		sb_reset(&path);
		sb_reset(&id);
		sb_addf(&path, "%s%s%s", dir,
			dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]);
		sb_addf(&id, "%s%s%s", rel, *rel ? "/" : "", names[i]);
		visit(in, path.buf, id.buf, names[i], depth);
		free(names[i]);
	}
	free(names);
	sb_release(&path);
	sb_release(&id);
}

void inputs_collect(struct inputs *in, char *const *paths, size_t n)
{
	memset(in, 0, sizeof(*in));
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		const char *p = paths[i];

		if (!strcmp(p, "-"))
			add(in, "-", "stdin", 0);
		else if (stat(p, &st) < 0)
			add(in, p, p, errno);
		else if (S_ISDIR(st.st_mode))
			walk(in, p, "", 0);
		else
			add(in, p, p, 0);
	}
}

void inputs_release(struct inputs *in)
{
	if (!in)
		return;
	for (size_t i = 0; i < in->n; i++) {
		free(in->v[i].path);
		free(in->v[i].id);
	}
	free(in->v);
	memset(in, 0, sizeof(*in));
}
