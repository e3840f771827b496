"""DfE code lists for a person's characteristics (CIN census and SSDA903).

Source: the CIN census specification and the SSDA903 guide (the same 20 ethnicity
codes in both); sex codes M/F/U apply from the 2024-25 collections.
"""

from django.db import models


class Sex(models.TextChoices):
    MALE = "M", "Male"
    FEMALE = "F", "Female"
    UNKNOWN = "U", "Unknown or not recorded"


class Ethnicity(models.TextChoices):
    WBRI = "WBRI", "White British"
    WIRI = "WIRI", "White Irish"
    WIRT = "WIRT", "Traveller of Irish heritage"
    WOTH = "WOTH", "Any other White background"
    WROM = "WROM", "Gypsy or Roma"
    MWBC = "MWBC", "White and Black Caribbean"
    MWBA = "MWBA", "White and Black African"
    MWAS = "MWAS", "White and Asian"
    MOTH = "MOTH", "Any other mixed background"
    AIND = "AIND", "Indian"
    APKN = "APKN", "Pakistani"
    ABAN = "ABAN", "Bangladeshi"
    AOTH = "AOTH", "Any other Asian background"
    BCRB = "BCRB", "Caribbean"
    BAFR = "BAFR", "African"
    BOTH = "BOTH", "Any other Black background"
    CHNE = "CHNE", "Chinese"
    OOTH = "OOTH", "Any other ethnic group"
    REFU = "REFU", "Refused"
    NOBT = "NOBT", "Information not yet obtained"
