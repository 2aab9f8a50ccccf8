"""Persistence: SQLAlchemy 2 (async) tables, imperative mapping of the domain, repositories,
a unit of work and Alembic migrations. Runs on SQLite (aiosqlite) and PostgreSQL (asyncpg)."""
