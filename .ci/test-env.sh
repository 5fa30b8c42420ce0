# Source this to run tests by hand against the local servers, as .ci/run does.
export COVET_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:5432/covet_test
export COVET_TEST_POSTGRES_USER=covet
export COVET_TEST_POSTGRES_PASSWORD=covet
export COVET_TEST_MYSQL_URL=jdbc:mysql://127.0.0.1:3306/covet_test
export COVET_TEST_MYSQL_USER=covet
export COVET_TEST_MYSQL_PASSWORD=covet
# The PostgreSQL standby of the replica tests (scripts/pg-standby.sh start; .ci/run starts it).
export COVET_TEST_PG_STANDBY_URL=jdbc:postgresql://127.0.0.1:5433/covet_test
export COVET_TEST_PG_STANDBY_USER=postgres
export COVET_TEST_PG_STANDBY_PASSWORD=
# The MariaDB primary and replica of BatchUpdate's replica-lag tests (scripts/mariadb-replica.sh start; .ci/run starts them).
export COVET_TEST_MARIADB_PRIMARY_URL=jdbc:mysql://127.0.0.1:4406/covet_test
export COVET_TEST_MARIADB_REPLICA_URL=jdbc:mysql://127.0.0.1:4407/covet_test
export COVET_TEST_MARIADB_USER=covet
export COVET_TEST_MARIADB_PASSWORD=covet
