#!/usr/bin/env bash
# Creates the zendo database and, from infra/postgres/service-schema.sql, the role and schema of each service
# named in ZENDO_DATABASE_SERVICES. The postgres image runs it once, on the first start with an empty data
# volume (docker-compose.yml mounts it into /docker-entrypoint-initdb.d). A service's password is
# <SERVICE>_DB_PASSWORD, else its role name.
set -eo pipefail

schema_sql=${ZENDO_SCHEMA_SQL:-/zendo/service-schema.sql}

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -c 'CREATE DATABASE zendo'

for service in ${ZENDO_DATABASE_SERVICES:?name the services that own a schema}; do
  role="zendo_$service"
  password_var="$(tr '[:lower:]' '[:upper:]' <<<"$service")_DB_PASSWORD"
  password=${!password_var:-$role}
  password=${password//\'/\'\'}
  password=$(sed -e 's/[\/&|\\]/\\&/g' <<<"$password")
  sed -e "s|{{role}}|$role|g" -e "s|{{password}}|$password|g" -e "s|{{schema}}|$service|g" "$schema_sql" \
    | psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname zendo
done
