"""Invented names for synthetic people. Any likeness to a real person is chance."""

GIVEN_NAMES_F = (
    "Amara Bethany Chloe Daisy Ellie Freya Grace Hana Isla Jasmine Keira Layla Maya "
    "Nadia Olivia Poppy Ruby Sienna Tia Zara Aisha Bella Esme Ivy Lily Mia Noor Rosa"
).split()
GIVEN_NAMES_M = (
    "Aaron Ben Callum Dylan Ethan Finley George Harvey Ibrahim Jacob Kai Leo Mason "
    "Noah Oscar Riley Sami Theo Tyler Yusuf Zain Alfie Archie Jude Luca Omar Reuben"
).split()
FAMILY_NAMES = (
    "Ashworth Bramley Caldwell Dunmore Ellwood Fairbairn Greenhalgh Hollins Ingleby "
    "Jessop Kettering Lowther Marchbank Northcott Oakridge Pennington Quarmby Redfern "
    "Sowerby Thackray Underwood Varley Whitworth Yardley Ahmed Begum Chowdhury Daley "
    "Edwards Fenwick Gallagher Hussain Iqbal Johnson Kowalski Lindqvist Mensah Nowak "
    "Okafor Patel Quinn Rahman Singh Thompson Uddin Vasquez Walsh Osei Adeyemi Novak"
).split()
STAFF_GIVEN = (
    "Alex Sam Jordan Morgan Casey Robin Jamie Taylor Avery Charlie Drew Emery Frankie "
    "Harper Jesse Kendall Logan Marley Parker Quinn Reese Rowan Sasha Toby"
).split()
