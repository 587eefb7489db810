"""Checks that the other test files called every route that
docs/http-api.md documents. pytest runs the files of a folder in name
order, so this file (zz) runs last; run the whole folder, not this file
alone."""

from shopkit_client import CALLED, documented_routes, pattern_matches


def test_every_documented_route_was_called():
    routes = documented_routes()
    assert routes, "docs/http-api.md documents no route"
    missing = [
        f"{method} {pattern}" for method, pattern in routes
        if not any(called_method == method and pattern_matches(pattern, path)
                   for called_method, path in CALLED)
    ]
    assert not missing, "documented routes no test called: " + ", ".join(missing)
