-- The role and schema of one service. Callers substitute {{role}}, {{password}} and {{schema}}
-- (scripts/lib/postgres.sh for make up, TestInfra for specs, infra/docker/postgres-init.sh for compose). Passwords
-- come from the callers; a role that exists keeps its password (scripts/lib/postgres.sh resets a wrong one).
DO $$
BEGIN
    CREATE ROLE "{{role}}" LOGIN PASSWORD '{{password}}';
EXCEPTION
    WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;
CREATE SCHEMA IF NOT EXISTS "{{schema}}" AUTHORIZATION "{{role}}";
