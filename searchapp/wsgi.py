"""The WSGI entry point for production servers: `gunicorn --preload searchapp.wsgi:app`.

The place index behind query understanding is built here, once, before workers fork.
"""
from indexer.enrich.gazetteer import gazetteer
from searchapp.app import create_app

gazetteer()
app = create_app()
