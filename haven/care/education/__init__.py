"""The education of a looked-after child: personal education plans each term
with the school's designated teacher and the virtual school (LAC-PEP,
LAC-PEP-REVIEW), and the "Education" section of the child's page with their
UPN (a person identifier, validated with its check letter in haven/people)."""
