"""The ONS postcode directory read without pandas, and the SSDA903's distance
and in-or-out-of-area from it, against real postcodes from the package."""

import datetime as dt

import pytest

from haven.care import distance, postcodes
from haven.care.distance import Area


def test_a_real_postcode_is_found_with_its_grid_reference_and_district():
    found = postcodes.find("M1 1AA")
    assert found == postcodes.Located("M1 1AA", 385022, 398985, "E08000003")


@pytest.mark.parametrize("typed", ["m1 1aa", "M11AA", " M1  1AA "])
def test_a_postcode_is_found_however_it_was_typed(typed):
    found = postcodes.find(typed)
    assert found is not None and found.postcode == "M1 1AA"


def test_each_nation_is_in_the_directory():
    assert postcodes.find("CF10 1AA").local_authority == "W06000015"  # Cardiff
    assert postcodes.find("EH1 1YZ").local_authority == "S12000036"  # Edinburgh
    assert postcodes.find("BT1 1AA").local_authority == "N09000003"  # Belfast
    assert postcodes.find("SW1A 1AA").local_authority == "E09000033"  # Westminster


@pytest.mark.parametrize("missing", ["ZZ99 1ZZ", "M1 9ZZ", "", "nonsense", "1AA"])
def test_a_postcode_not_in_the_directory_is_not_found(missing):
    assert postcodes.find(missing) is None


def test_a_postcode_without_a_grid_reference_has_no_distance():
    found = postcodes.find("AB11 3AG")
    assert found is not None and found.easting is None
    assert distance.miles("AB11 3AG", "M1 1AA") is None


def test_the_ons_form_pads_the_outward_code():
    assert postcodes.ons_form("m1 1aa") == "M1  1AA"
    assert postcodes.ons_form("SW1A1AA") == "SW1A1AA"
    assert postcodes.ons_form("B1") == ""


def test_distance_is_the_straight_line_in_miles_to_one_decimal():
    # Manchester M1 1AA (385022, 398985) to Birmingham B1 1AA (406649, 286530):
    # sqrt(21627² + 112455²) = 114515.8 m, / 1000 / 1.6093 = 71.159 miles.
    assert distance.miles("M1 1AA", "B1 1AA") == 71.2
    assert distance.miles("B1 1AA", "M1 1AA") == 71.2
    # Buckingham Palace to Broadcasting House: 1.217 miles.
    assert distance.miles("SW1A 1AA", "W1A 1AA") == 1.2
    assert distance.miles("M1 1AA", "M1 1AA") == 0.0


def test_distance_to_a_postcode_not_in_the_directory_is_not_known():
    assert distance.miles("M1 1AA", "ZZ99 1ZZ") is None
    assert distance.miles("", "M1 1AA") is None


def test_a_half_rounds_to_even_as_the_validator_rounds():
    # numpy's round(x, 1) is rint(10x) / 10: 0.25 -> 0.2 and 0.35 -> 0.4 (10 *
    # 0.35 is 3.5 in floating point), where Python's round(0.35, 1) gives 0.3.
    assert round(0.35 * 10) / 10 == 0.4
    assert round(0.25 * 10) / 10 == 0.2


@pytest.mark.parametrize(
    ("miles", "band"),
    [(0.0, "0-5"), (5.0, "0-5"), (5.1, "5-10"), (20.0, "10-20"), (71.2, "50+")],
)
def test_distance_bands(miles, band):
    assert distance.band_of(miles) == band
    assert distance.band_of(None) == ""


def test_in_or_out_of_area_by_the_placements_district(settings):
    settings.HAVEN_AREA_CODES = ["E08000003"]  # Manchester
    assert distance.whereabouts("M1 1AD", "M1 1AE").area is Area.IN
    placed_away = distance.whereabouts("M1 1AD", "OL1 1AA")  # Oldham
    assert placed_away.area is Area.OUT
    assert placed_away.district == "E08000004"
    # (383849, 398594) to (393482, 404988): 11562 m, 7.18 miles.
    assert placed_away.miles == 7.2
    assert placed_away.band == "5-10"


def test_a_district_recorded_on_the_placement_is_taken_over_its_postcodes(settings):
    settings.HAVEN_AREA_CODES = ["E08000003"]
    assert distance.whereabouts("M1 1AD", "OL1 1AA", "E08000003").area is Area.IN


def test_area_is_not_known_without_the_authoritys_codes_or_a_district(settings):
    settings.HAVEN_AREA_CODES = []
    assert distance.whereabouts("M1 1AD", "M1 1AE").area is Area.UNKNOWN
    settings.HAVEN_AREA_CODES = ["E08000003"]
    assert distance.whereabouts("M1 1AD", "ZZ99 1ZZ").area is Area.UNKNOWN


def test_the_home_postcode_is_where_the_child_lived_before_care():
    start = dt.date(2025, 3, 1)
    lived = [
        (dt.date(2020, 1, 1), dt.date(2025, 3, 1), "M1 1AD"),
        (dt.date(2025, 3, 1), None, "OL1 1AA"),  # the placement, recorded later
    ]
    assert distance.home_on(lived, start) == "M1 1AD"
    assert distance.home_on(lived[1:], start) == "OL1 1AA"
    assert distance.home_on([], start) == ""


def test_a_letter_is_kept_under_var_and_read_back(tmp_path, settings):
    settings.VAR_DIR = tmp_path
    letter = postcodes._load("M")
    kept = tmp_path / "postcodes" / postcodes.version() / "M.bin"
    assert kept.exists()
    again = postcodes._read_kept(kept.read_bytes())
    assert again == letter
    assert postcodes._read_kept(b"not a table") is None
