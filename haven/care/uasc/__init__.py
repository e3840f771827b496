"""Unaccompanied asylum-seeking children: the dated UASC status of a child in
care (recording.py), its SSDA903 UASC row (ssda903.py), and the "Asylum"
section of the child's page (section.py)."""
