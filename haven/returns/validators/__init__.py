"""The public DfE validators (SSDA903 and CIN census), run on Haven's returns
in a virtual environment of their own (env.py); see run.py for the API."""
