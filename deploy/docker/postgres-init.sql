-- Each service owns its database (services also create theirs if missing).
CREATE DATABASE grievance_intake;
CREATE DATABASE grievance_routing;
CREATE DATABASE grievance_grid_dispatch;
CREATE DATABASE grievance_feedback;
CREATE DATABASE grievance_audit;
