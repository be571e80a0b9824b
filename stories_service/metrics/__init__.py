"""Metrics in the Prometheus text format: the request counter and timer (``requests``), what is
read from the database when ``/metrics`` is scraped (``database_figures``), the endpoint and who
may read it (``endpoint``), and the files workers share their counts through (``processes``).

The instruments themselves live in ``stories_service.instruments``, low enough for every module
that counts something to import them.
"""
