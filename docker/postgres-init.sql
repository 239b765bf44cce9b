-- Runs once, when the db volume is first created. The app connects as wheels_app, which neither owns
-- the tables nor bypasses Row Level Security, so the policies hold it to one user's rows; the
-- migrations run as wheels (the owner) and grant wheels_app what it needs.
CREATE ROLE wheels_app LOGIN PASSWORD 'wheels_app' NOSUPERUSER NOBYPASSRLS;
