/*
 * forms_cli.h - the `relire forms` command (see forms_cli.c): make the
 * word-form index of a language's dictionary.
 */
#ifndef RELIRE_FORMS_CLI_H
#define RELIRE_FORMS_CLI_H

/* argv[0] is "forms". Returns the process exit status (options.h). */
int forms_main(int argc, char **argv);

#endif
