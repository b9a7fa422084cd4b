-- Memory for building the indexes again, for this transaction only.
SET LOCAL maintenance_work_mem = '256MB'
