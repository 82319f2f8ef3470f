-- db-scheduler's table (DESIGN.md §10: timed work, persistent and safe with several nodes). The columns are those of
-- db-scheduler 16's PostgreSQL script, with VARCHAR for its TEXT columns: H2 reads TEXT as a CLOB, which cannot be
-- part of a primary key; in PostgreSQL VARCHAR without a length is the same type as TEXT.
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR                  NOT NULL,
    task_instance        VARCHAR                  NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            VARCHAR,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);
