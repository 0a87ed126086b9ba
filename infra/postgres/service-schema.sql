-- The role and schema of one service. Callers substitute {{role}}, {{password}} and {{schema}}
-- (scripts/lib/postgres.sh for make up, TestDatabases for specs, docker/postgres-init.sh for compose).
DO $$
BEGIN
    CREATE ROLE "{{role}}" LOGIN PASSWORD '{{password}}';
EXCEPTION
    WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;
CREATE SCHEMA IF NOT EXISTS "{{schema}}" AUTHORIZATION "{{role}}";
