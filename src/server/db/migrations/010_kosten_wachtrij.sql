-- 010: the clients whose kept cost lines (migration 007) must be priced anew after a push
-- (issue 13, point 2; src/server/db/kosten-wachtrij.ts). Portable SQL: PGlite and PostgreSQL 15+.
-- A push only adds its changed clients here (in its own transaction); the server prices them
-- shortly after in the background, and every coordinator read drains the queue first.
CREATE TABLE kosten_wachtrij (
  client_id uuid PRIMARY KEY
);
