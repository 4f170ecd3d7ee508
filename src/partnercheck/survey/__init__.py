"""Partner perception surveys: the questionnaire, blank forms, responses and their analysis.

Each partner's respondents rate short statements about the partnership from 1
to 5; the analysis reports each element as partners experience it, where
partners disagree, partners who rate everything lower than the rest, and where
the documents and the experience tell different stories. See docs/survey.md.
"""
