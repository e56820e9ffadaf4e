/*
 * report_html_text.c - the French and English words of the HTML report
 * (see report_html_text.h). French typography: a no-break space before
 * ":" and inside guillemets, written as the character itself.
 */
#include "report/report_html_text.h"

#include <string.h>

#include "common/util.h"

#define NBSP "\xC2\xA0"

static const struct html_text text_fr = {
    .lang = "fr",
    .title = "Rapport relire",
    .title_page = "Rapport relire" NBSP ": articles",
    .heading = "Rapport relire",
    .page_heading = "Rapport relire, page",
    .index = "sommaire",
    .previous = "page précédente",
    .next = "page suivante",
    .kinds_label = "types de constats",
    .removed = "supprimé",
    .inserted = "inséré",
    .applied_repair = "(réparation appliquée)",
    .col_article = "article",
    .col_score = "score",
    .col_grade = "note",
    .col_language = "langue",
    .col_words = "mots",
    .col_findings = "constats",
    .col_top = "problème principal",
    .cap_articles = "Articles (cliquer sur un en-tête pour trier)",
    .cap_page = "Articles de cette page (cliquer sur un en-tête pour "
		"trier)",
    .cap_worst = "Articles aux scores les plus bas (cliquer sur un en-tête "
		 "pour trier)",
    .cap_pages = "Tous les articles, par pages de",
    .col_page = "page",
    .col_count = "nombre",
    .col_failed = "en échec",
    .col_mean = "score moyen",
    .col_worst = "pire score",
    .failed = "échec",
    .repaired = "(réparé)",
    .deleted = "(supprimé)",
    .confidence = "confiance",
    .words = "mots",
    .findings = "constats",
    .top_issue = "problème principal",
    .back = "retour au tableau",
    .dropped = "constats au-delà de --max-findings sont comptés mais non "
	       "affichés.",
    .articles_heading = "Articles",
    .summary = "Synthèse",
    .s_articles = "Articles",
    .s_failed = "En échec",
    .s_mean = "Score moyen",
    .s_worst = "Pire score",
    .s_grades = "Notes",
    .hist_title = "score",
    .hist_caption = "Répartition des scores" NBSP ": articles par tranche "
		    "de score (0-9 … 90-100)",
    .kinds_caption = "Constats par type",
    .col_kind = "type",
    .col_weight = "poids",
    .score_help = "Scores" NBSP ": 100 pour un texte propre" NBSP "; chaque "
		  "constat coûte le poids de son type pour 100 mots (voir "
		  "docs/scoring.md). Survoler un surlignage, ou y aller avec "
		  "la touche Tab, affiche le constat.",
    .review = "Revue",
    .review_help =
	"Approuvez ou rejetez chaque variante de nom en attente et chaque "
	"réparation, puis exportez vos décisions" NBSP ": variants.csv "
	"(à donner à --variants) et decisions.csv (à enregistrer dans le "
	"dossier des rapports, ou à donner à --decisions). La prochaine "
	"exécution de relire les applique. Rien n’est envoyé" NBSP ": la "
	"page fonctionne hors ligne.",
    .review_noscript = "La revue demande JavaScript.",
};

static const struct html_text text_en = {
    .lang = "en",
    .title = "relire report",
    .title_page = "relire report: articles",
    .heading = "relire report",
    .page_heading = "relire report, page",
    .index = "index",
    .previous = "previous page",
    .next = "next page",
    .kinds_label = "finding kinds",
    .removed = "removed",
    .inserted = "inserted",
    .applied_repair = "(applied repair)",
    .col_article = "article",
    .col_score = "score",
    .col_grade = "grade",
    .col_language = "language",
    .col_words = "words",
    .col_findings = "findings",
    .col_top = "top issue",
    .cap_articles = "Articles (click a heading to sort)",
    .cap_page = "Articles on this page (click a heading to sort)",
    .cap_worst = "Lowest-scoring articles (click a heading to sort)",
    .cap_pages = "All articles, pages of",
    .col_page = "page",
    .col_count = "count",
    .col_failed = "failed",
    .col_mean = "mean score",
    .col_worst = "worst score",
    .failed = "failed",
    .repaired = "(repaired)",
    .deleted = "(deleted)",
    .confidence = "confidence",
    .words = "words",
    .findings = "findings",
    .top_issue = "top issue",
    .back = "back to the table",
    .dropped = "findings over the --max-findings cap are counted but not "
	       "shown.",
    .articles_heading = "Articles",
    .summary = "Summary",
    .s_articles = "Articles",
    .s_failed = "Failed",
    .s_mean = "Mean score",
    .s_worst = "Worst score",
    .s_grades = "Grades",
    .hist_title = "score",
    .hist_caption = "Score distribution: articles per score band (0-9 ... "
		    "90-100)",
    .kinds_caption = "Findings per kind",
    .col_kind = "kind",
    .col_weight = "weight",
    .score_help = "Scores: 100 is clean; each finding costs its kind's "
		  "weight per 100 words (see docs/scoring.md). Hover over or "
		  "tab to a highlight to see the finding.",
    .review = "Review",
    .review_help =
	"Approve or reject each pending name variant and each repair, then "
	"export your decisions: variants.csv (pass it with --variants) and "
	"decisions.csv (save it in the report directory, or pass it with "
	"--decisions). The next relire run applies them. Nothing is sent "
	"anywhere: the page works offline.",
    .review_noscript = "The review needs JavaScript.",
};

/* The page script's words: key, French, English. */
static const char *const script_labels[][3] = {
    {"variants", "Variantes de noms en attente", "Pending name variants"},
    {"repairs", "Réparations", "Repairs"},
    {"variant", "variante", "variant"},
    {"canonical", "forme retenue", "canonical"},
    {"type", "type", "type"},
    {"count", "occurrences", "count"},
    {"evidence", "indices", "evidence"},
    {"article", "article", "article"},
    {"kind", "type", "kind"},
    {"change", "modification", "change"},
    {"state", "état", "state"},
    {"decision", "décision", "decision"},
    {"approve", "Approuver", "Approve"},
    {"reject", "Rejeter", "Reject"},
    {"undo", "Annuler", "Undo"},
    {"approved", "approuvée", "approved"},
    {"rejected", "rejetée", "rejected"},
    {"applied", "appliquée", "applied"},
    {"reported", "signalée seulement", "reported only"},
    {"none", "Aucune.", "None."},
    {"show", "Afficher" NBSP ":", "Show:"},
    {"f_reported", "signalées seulement", "reported only"},
    {"f_applied", "appliquées", "applied"},
    {"f_decided", "décidées", "decided"},
    {"f_all", "toutes", "all"},
    {"prev", "‹ précédents", "‹ previous"},
    {"next", "suivants ›", "next ›"},
    {"of", "sur", "of"},
    {"export_variants", "Exporter variants.csv", "Export variants.csv"},
    {"export_decisions", "Exporter decisions.csv", "Export decisions.csv"},
    {"decided", "décisions" NBSP ":", "decisions:"},
    {"deleted", "(suppression)", "(deletion)"},
};

const struct html_text *html_text_for(const char *lang)
{
	return lang && !strcmp(lang, "en") ? &text_en : &text_fr;
}

void html_text_script_labels(FILE *fp, const struct html_text *t)
{
	int col = t == &text_en ? 2 : 1;

	fputc('{', fp);
	for (size_t i = 0; i < ARRAY_SIZE(script_labels); i++)
		fprintf(fp, "%s\"%s\":\"%s\"", i ? "," : "",
			script_labels[i][0], script_labels[i][col]);
	fputc('}', fp);
}
