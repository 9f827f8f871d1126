// Generated from the service's OpenAPI document by `npm run console:api-types`. Do not edit.
export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether Postgres, Redis and Kafka all answer (no token needed) */
        get: operations["HealthController_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/anchors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AnchorsController_list"];
        put?: never;
        post: operations["AnchorsController_take"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/anchors/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AnchorsController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["RatesController_assessments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit-queries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuditQueriesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/breaches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["BreachesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/matters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MattersController_search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rankings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["RatesController_rankings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["RatesController_rates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/supervision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["BreachesController_supervision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/trace/{grievanceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TraceController_trace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workers/{workerId}/points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["WorkerPointsController_points"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ActorSchema: {
            id: string;
            role: string;
        };
        AnchorSchema: {
            /** Format: date-time */
            anchoredAt: string;
            anchorId: string;
            headHash: string;
            length: number;
        };
        ApiErrorBody: {
            /**
             * @description The domain error code, when a rule of the service refused the request.
             * @example conflict
             */
            code?: string;
            /** @description Machine-readable facts of a domain error (the field, the current version of a stale entry...). */
            details?: {
                [key: string]: unknown;
            };
            /** @example Bad Request */
            error?: string;
            /** @description Each problem, at its field, in the language of Accept-Language (zh-CN by default). */
            errors: components["schemas"]["ApiErrorEntry"][];
            /** @description The refusal in English, as earlier clients read it (a list for a 400). */
            message?: string | string[];
            /** @example 400 */
            statusCode: number;
        };
        ApiErrorEntry: {
            /**
             * @description A stable machine code: the failed check (`isLatitude`, `maxLength`, `whitelistValidation`...) or the domain error code (`not_found`, `conflict`...).
             * @example isLatitude
             */
            code: string;
            /**
             * @description The JSON path of the field the problem is about (`location.lat`, `attachments[0]`); absent when it is about no one field.
             * @example location.lat
             */
            field?: string;
            /**
             * @description The problem in the language negotiated from Accept-Language (zh-CN when the header names none of zh-CN, en).
             * @example 纬度必须是 -90 到 90 之间的纬度。
             */
            message: string;
        };
        AssessedUnitRowSchema: {
            /** @description Returns, transfers and escalations that sent a grievance away. */
            bounces: number;
            /** @description SLA deadlines of its holders that broke in the range. */
            breaches: number;
            /** @description The department code, rung, industry, district, branch, committee, grid or grid worker. */
            group: string;
            rank: number;
            rated: number;
            /** @description Grievances it received in the range. */
            received: number;
            /** @description 办结率: resolved / received. */
            resolutionRate: number | null;
            resolved: number;
            /** @description Taken up within the deadline. */
            responded: number;
            /** @description 响应率: responded / received. */
            responseRate: number | null;
            /** @description 满意率: satisfied / rated. */
            satisfactionRate: number | null;
            /** @description Rated satisfied or basically satisfied. */
            satisfied: number;
            /** @description 0..100; null when it received nothing in the year. */
            score: number | null;
            /** @description The industry committee or branch id. */
            unit: string;
        };
        AssessmentViewSchema: {
            /** Format: date-time */
            from: string;
            items: components["schemas"]["AssessedUnitRowSchema"][];
            /** Format: date-time */
            to: string;
            /** @enum {string} */
            unit: "committee" | "branch";
            year: number;
        };
        BreachesViewSchema: {
            /** @description Newest first. */
            items: components["schemas"]["BreachViewSchema"][];
        };
        BreachViewSchema: {
            budgetMs: number;
            deadlineId: string;
            /** Format: date-time */
            dueAt: string;
            /** @description The sla.breached.v1 event. */
            eventId: string;
            /** Format: date-time */
            firedAt: string;
            grievanceId: string;
            /** @description Who held the deadline (people masked for auditors). */
            holder: components["schemas"]["HolderRefSchema"];
            level: string | null;
            /** Format: date-time */
            startedAt: string;
            /** @description respond, resolve, accept or verify */
            target: string;
        };
        BrokenLinkSchema: {
            /** @description The chain position where the chain stops holding. */
            chainIndex: number;
            eventId?: string;
            message: string;
            /** @enum {string} */
            reason: "content_changed" | "prev_hash_mismatch" | "missing_link" | "columns_changed" | "truncated" | "rewritten";
            seq?: string;
        };
        ChainLinkSchema: {
            chainIndex: number;
            hash: string;
            prevHash: string;
            seq: string;
        };
        ChainSchema: {
            head: string;
            length: number;
        };
        CompletedBySchema: {
            eventId: string;
            type: string;
        };
        DeadlineReplaySchema: {
            /** Format: date-time */
            breachedAt?: string;
            budgetMs: number;
            /**
             * Format: date-time
             * @description When the holder did what the deadline asked for.
             */
            completedAt?: string;
            completedBy?: components["schemas"]["CompletedBySchema"];
            deadlineId: string;
            /** Format: date-time */
            dueAt: string;
            holder: components["schemas"]["HolderRefSchema"];
            level?: string;
            /** @enum {string} */
            outcome: "met" | "late" | "breached" | "stopped" | "open";
            overdueMs?: number;
            /** @description The holder's questions to the reporter while the deadline ran. */
            pauses?: components["schemas"]["PauseSchema"][];
            /** @description The SLA policy that gave the budget (from sla.started). */
            policyId?: string;
            /** @description The stage the policy was matched at (from sla.started). */
            stage?: string;
            /** Format: date-time */
            startedAt: string;
            /**
             * Format: date-time
             * @description When it stopped being owed undone: handed to the next holder, or the grievance closed or linked.
             */
            stoppedAt?: string;
            /** @description The event that stopped it (the next holder's sla.started, a grievance.closed or grievance.linked). */
            stoppedBy?: components["schemas"]["CompletedBySchema"];
            /** @description respond, resolve, accept or verify */
            target: string;
            tookMs?: number;
            /**
             * Format: date-time
             * @description When the 80 % warning was planned (from sla.started), whether or not it fired.
             */
            warnAt?: string;
            /** Format: date-time */
            warnedAt?: string;
        };
        GrievanceRowSchema: {
            breaches: number;
            category: string | null;
            /** @description The department that holds, or last held, the grievance. */
            departmentCode: string | null;
            districtId: string | null;
            gridId: string | null;
            grievanceId: string;
            holder: components["schemas"]["HolderRefSchema"] | null;
            kind: string | null;
            level: string | null;
            /** @enum {string} */
            status: "submitted" | "routed" | "dispatched" | "accepted" | "verified" | "in_progress" | "resolved" | "closed" | "rejected";
            /** Format: date-time */
            submittedAt: string;
            /** @example NC-20261203-000042 */
            trackingNo: string | null;
            /** @description Under supervision (督办). */
            underSupervision: boolean;
        };
        GrievancesViewSchema: {
            items: components["schemas"]["GrievanceRowSchema"][];
            /** @description Pass as `cursor` for the next page; null on the last one. */
            nextCursor: string | null;
        };
        GroupRatesSchema: {
            /** @description Returns, transfers and escalations that sent a grievance away. */
            bounces: number;
            /** @description SLA deadlines of its holders that broke in the range. */
            breaches: number;
            /** @description The department code, rung, industry, district, branch, committee, grid or grid worker. */
            group: string;
            rated: number;
            /** @description Grievances it received in the range. */
            received: number;
            /** @description 办结率: resolved / received. */
            resolutionRate: number | null;
            resolved: number;
            /** @description Taken up within the deadline. */
            responded: number;
            /** @description 响应率: responded / received. */
            responseRate: number | null;
            /** @description 满意率: satisfied / rated. */
            satisfactionRate: number | null;
            /** @description Rated satisfied or basically satisfied. */
            satisfied: number;
        };
        HolderRefSchema: {
            id: string;
            level?: string;
            name?: string;
            /** @description grid_worker, member, org_unit or department */
            type: string;
        };
        PauseSchema: {
            /** Format: date-time */
            pausedAt: string;
            pausedMs: number | null;
            /** Format: date-time */
            resumedAt: string | null;
        };
        RankedGroupSchema: {
            /** @description Returns, transfers and escalations that sent a grievance away. */
            bounces: number;
            /** @description SLA deadlines of its holders that broke in the range. */
            breaches: number;
            /** @description The department code, rung, industry, district, branch, committee, grid or grid worker. */
            group: string;
            /** @description 1 for the best; groups with the same value share a rank (1, 1, 3). */
            rank: number;
            rated: number;
            /** @description Grievances it received in the range. */
            received: number;
            /** @description 办结率: resolved / received. */
            resolutionRate: number | null;
            resolved: number;
            /** @description Taken up within the deadline. */
            responded: number;
            /** @description 响应率: responded / received. */
            responseRate: number | null;
            /** @description 满意率: satisfied / rated. */
            satisfactionRate: number | null;
            /** @description Rated satisfied or basically satisfied. */
            satisfied: number;
            /** @description The mean of the defined rates. */
            score: number | null;
        };
        RankingsViewSchema: {
            /** @description What ranks: score or one of the rates. */
            by: string;
            /** Format: date-time */
            from: string;
            /** @enum {string} */
            groupBy: "department" | "level" | "industry" | "district" | "branch" | "committee" | "grid" | "grid_worker";
            items: components["schemas"]["RankedGroupSchema"][];
            /** @example 2026-11 */
            month: string;
            /** Format: date-time */
            to: string;
        };
        RatesViewSchema: {
            /** Format: date-time */
            from: string | null;
            /** @enum {string} */
            groupBy: "department" | "level" | "industry" | "district" | "branch" | "committee" | "grid" | "grid_worker";
            items: components["schemas"]["GroupRatesSchema"][];
            /** Format: date-time */
            to: string | null;
        };
        SlaReplaySchema: {
            deadlines: components["schemas"]["DeadlineReplaySchema"][];
            /** @description The grievance's final SLA verdict, once it is closed. */
            verdict?: components["schemas"]["VerdictSchema"];
        };
        SupervisedGrievanceSchema: {
            causes: components["schemas"]["SupervisionCauseSchema"][];
            /** Format: date-time */
            closedAt: string | null;
            /**
             * Format: date-time
             * @description The latest round's follow-up deadline (null: none named).
             */
            followUpDueAt: string | null;
            grievanceId: string;
            holder?: components["schemas"]["HolderRefSchema"];
            level?: string;
            /** @description The supervising unit (督办单位) that owns the latest round. */
            owner?: components["schemas"]["HolderRefSchema"];
            /** @description The latest round of supervision (1 the first; each missed follow-up deadline adds one). */
            round: number;
            /**
             * Format: date-time
             * @description When it first came under supervision (督办).
             */
            since: string;
        };
        SupervisionCauseSchema: {
            cause?: string;
            eventId: string;
            /**
             * Format: date-time
             * @description That round's follow-up deadline.
             */
            followUpDueAt?: string;
            /** Format: date-time */
            occurredAt: string;
            /** @description The supervising unit (督办单位) of that round. */
            owner?: components["schemas"]["HolderRefSchema"];
            /** @description The round a grievance.supervised started (1 the first). */
            round?: number;
            target?: string;
            type: string;
        };
        SupervisionViewSchema: {
            items: components["schemas"]["SupervisedGrievanceSchema"][];
        };
        TraceEventSchema: {
            actor: components["schemas"]["ActorSchema"];
            causationId: string | null;
            correlationId: string;
            eventId: string;
            /** @description Who holds the grievance after this event, when the payload names one. */
            holder?: components["schemas"]["HolderRefSchema"];
            /** @description The rung of the escalation chain, when the payload names one. */
            level?: string;
            link: components["schemas"]["ChainLinkSchema"];
            /** Format: date-time */
            occurredAt: string;
            /** @description The event as it was published. */
            payload: {
                [key: string]: unknown;
            };
            /**
             * Format: date-time
             * @description When the audit service stored it (arrival order is chain order).
             */
            recordedAt: string;
            /** @description The topic it came on (grievance.submitted.v1). */
            topic: string;
            /** @description The event type without its version (grievance.submitted). */
            type: string;
            version: number;
        };
        TraceViewSchema: {
            anchor: components["schemas"]["AnchorSchema"] | null;
            brokenLink?: components["schemas"]["BrokenLinkSchema"];
            chain: components["schemas"]["ChainSchema"];
            /** @description In the grievance's own order: occurredAt, then event id. */
            events: components["schemas"]["TraceEventSchema"][];
            grievanceId: string;
            /** @description Each holder's deadline replayed: started, due, warned, breached, done. */
            sla: components["schemas"]["SlaReplaySchema"];
            /** @description The chain verifies, and it still holds everything the latest anchor saw of it. */
            verified: boolean;
        };
        VerdictSchema: {
            /** Format: date-time */
            at: string;
            eventId: string;
            slaMet: boolean;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    HealthController_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: `message` in English as before, `errors` each problem at its field in the language of Accept-Language (zh-CN by default). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorBody"];
                };
            };
            /** @description Every dependency answers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks?: {
                            /** @enum {string} */
                            kafka?: "up" | "down";
                            /** @enum {string} */
                            postgres?: "up" | "down";
                            /** @enum {string} */
                            redis?: "up" | "down";
                        };
                        /** @enum {string} */
                        status?: "ok";
                    };
                };
            };
            /** @description At least one dependency is down; `down` names them */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks?: {
                            /** @enum {string} */
                            kafka?: "up" | "down";
                            /** @enum {string} */
                            postgres?: "up" | "down";
                            /** @enum {string} */
                            redis?: "up" | "down";
                        };
                        down?: ("postgres" | "redis" | "kafka")[];
                        message?: string[];
                        /** @enum {string} */
                        status?: "error";
                    };
                };
            };
        };
    };
    AnchorsController_list: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: `message` in English as before, `errors` each problem at its field in the language of Accept-Language (zh-CN by default). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorBody"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AnchorsController_take: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: `message` in English as before, `errors` each problem at its field in the language of Accept-Language (zh-CN by default). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorBody"];
                };
            };
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AnchorsController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: `message` in English as before, `errors` each problem at its field in the language of Accept-Language (zh-CN by default). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorBody"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RatesController_assessments: {
        parameters: {
            query: {
                format?: "json" | "csv";
                /** @description committee: the industry committees; branch: the branches */
                unit: "committee" | "branch";
                /** @description the year, cut at REPORTING_UTC_OFFSET_MINUTES */
                year: number;
            };
            header?: {
                "accept-language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: `message` in English as before, `errors` each problem at its field in the language of Accept-Language (zh-CN by default). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorBody"];
                };
            };
            /** @description JSON; with `?format=csv` (or Accept: text/csv) the same rows as CSV. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssessmentViewSchema"];
                    "text/csv": components["schemas"]["AssessmentViewSchema"];
                };
            };
        };
    };
    AuditQueriesController_list: {
        parameters: {
            query?: {
                /** @description only the queries of this auditor (their token sub) */
                auditorId?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: `message` in English as before, `errors` each problem at its field in the language of Accept-Language (zh-CN by default). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorBody"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    BreachesController_list: {
        parameters: {
            query?: {
                /** @description a department code: breaches of deadlines that department held */
                department?: string;
                /** @description csv for a download (Accept: text/csv works too) */
                format?: "json" | "csv";
                /** @description inclusive, ISO-8601 (e.g. 2026-04-01 or 2026-04-01T00:00:00+08:00) */
                from?: string;
                grievanceId?: string;
                /** @description the rung of the deadline (or of its holder) */
                level?: "member" | "branch" | "industry_committee" | "two_new_committee";
                limit?: number;
                target?: "respond" | "resolve" | "accept" | "verify";
                /** @description exclusive, ISO-8601; not before from */
                to?: string;
            };
            header?: {
                "accept-language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: `message` in English as before, `errors` each problem at its field in the language of Accept-Language (zh-CN by default). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorBody"];
                };
            };
            /** @description JSON; with `?format=csv` (or Accept: text/csv) the same rows as CSV. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BreachesViewSchema"];
                    "text/csv": components["schemas"]["BreachesViewSchema"];
                };
            };
        };
    };
    MattersController_search: {
        parameters: {
            query?: {
                /** @description true: at least one SLA deadline breached */
                breached?: "true" | "false";
                /** @description a category code */
                category?: string;
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description a department code: grievances it holds or last held */
                department?: string;
                /** @description a district id */
                district?: string;
                /** @description csv for a download (Accept: text/csv works too) */
                format?: "json" | "csv";
                /** @description inclusive, ISO-8601 (e.g. 2026-04-01 or 2026-04-01T00:00:00+08:00) */
                from?: string;
                kind?: "hazard" | "appeal" | "suggestion";
                /** @description the rung holding it now */
                level?: "member" | "branch" | "industry_committee" | "two_new_committee";
                limit?: number;
                /** @description by submission time */
                sort?: "asc" | "desc";
                status?: "submitted" | "routed" | "dispatched" | "accepted" | "verified" | "in_progress" | "resolved" | "closed" | "rejected";
                /** @description true: under supervision (督办) */
                supervised?: "true" | "false";
                /** @description exclusive, ISO-8601; not before from */
                to?: string;
                /** @description the tracking number, exactly */
                trackingNo?: string;
            };
            header?: {
                "accept-language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: `message` in English as before, `errors` each problem at its field in the language of Accept-Language (zh-CN by default). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorBody"];
                };
            };
            /** @description JSON; with `?format=csv` (or Accept: text/csv) the page as CSV. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GrievancesViewSchema"];
                    "text/csv": components["schemas"]["GrievancesViewSchema"];
                };
            };
        };
    };
    RatesController_rankings: {
        parameters: {
            query: {
                /** @description score: the mean of the defined rates */
                by?: "score" | "responseRate" | "resolutionRate" | "satisfactionRate";
                format?: "json" | "csv";
                groupBy?: "department" | "level" | "industry" | "district" | "branch" | "committee" | "grid" | "grid_worker";
                /** @description the month, cut at REPORTING_UTC_OFFSET_MINUTES */
                month: string;
            };
            header?: {
                "accept-language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: `message` in English as before, `errors` each problem at its field in the language of Accept-Language (zh-CN by default). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorBody"];
                };
            };
            /** @description JSON; with `?format=csv` (or Accept: text/csv) the same rows as CSV. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RankingsViewSchema"];
                    "text/csv": components["schemas"]["RankingsViewSchema"];
                };
            };
        };
    };
    RatesController_rates: {
        parameters: {
            query?: {
                /** @description csv for a download (Accept: text/csv works too) */
                format?: "json" | "csv";
                /** @description inclusive, ISO-8601 (e.g. 2026-04-01 or 2026-04-01T00:00:00+08:00) */
                from?: string;
                groupBy?: "department" | "level" | "industry" | "district" | "branch" | "committee" | "grid" | "grid_worker";
                /** @description exclusive, ISO-8601; not before from */
                to?: string;
            };
            header?: {
                "accept-language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: `message` in English as before, `errors` each problem at its field in the language of Accept-Language (zh-CN by default). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorBody"];
                };
            };
            /** @description JSON; with `?format=csv` (or Accept: text/csv) the same rows as CSV. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatesViewSchema"];
                    "text/csv": components["schemas"]["RatesViewSchema"];
                };
            };
        };
    };
    BreachesController_supervision: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: `message` in English as before, `errors` each problem at its field in the language of Accept-Language (zh-CN by default). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorBody"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupervisionViewSchema"];
                };
            };
        };
    };
    TraceController_trace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                grievanceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: `message` in English as before, `errors` each problem at its field in the language of Accept-Language (zh-CN by default). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorBody"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TraceViewSchema"];
                };
            };
        };
    };
    WorkerPointsController_points: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the worker's id (their token's sub) */
                workerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: `message` in English as before, `errors` each problem at its field in the language of Accept-Language (zh-CN by default). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorBody"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
