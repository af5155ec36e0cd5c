"""Searching the postings: the one search configuration, request validation, the pure Solr
query builder, facets, query understanding, and the service that talks to Solr."""
