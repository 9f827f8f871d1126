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
    "/open311/v2/requests.{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GeoReport v2 service requests: hazards, newest first, at most 1000, by default of the last 90 days */
        get: operations["Open311Controller_list"];
        put?: never;
        /** GeoReport v2 POST service request, form-encoded, with a partner app's api_key */
        post: operations["Open311Controller_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/requests/{service_request_id}.{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GeoReport v2 service request: one, by its service_request_id (the tracking number) */
        get: operations["Open311Controller_one"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/services.{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GeoReport v2 service list: the hazard categories */
        get: operations["Open311Controller_services"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/services/{service_code}.{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GeoReport v2 service definition: the attributes a request of this service may carry */
        get: operations["Open311Controller_definition"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/tokens/{token}.{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GeoReport v2 request id from a token (the token a POST answered) */
        get: operations["Open311Controller_token"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AttachmentsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/attachments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AttachmentsController_fetch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["GrievancesController_listCategories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/grievances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["GrievancesController_list"];
        put?: never;
        post: operations["GrievancesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/grievances/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["GrievancesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/grievances/{id}/reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["GrievancesController_answer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stations/me/walk-ins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["WalkInsController_list"];
        put?: never;
        post: operations["WalkInsController_create"];
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
        ActorView: {
            /** @example municipal_works */
            id: string;
            /** @example department */
            role: string;
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
        AttachmentAnswer: {
            /** @enum {string} */
            contentType: "image/jpeg" | "image/png" | "image/webp";
            /** Format: uuid */
            id: string;
            /** @description of the stored bytes (EXIF, XMP and comments removed) */
            sha256: string;
            /** @description bytes */
            size: number;
        };
        AttachmentLinkView: {
            /** Format: uuid */
            id: string;
            /**
             * @description where the reader downloads it: intake's GET /v1/attachments/:id
             * @example /v1/attachments/0195a8c4-1b2c-7d3e-8f40-123456789abc
             */
            url: string;
        };
        CategoryView: {
            /** @example road_damage */
            code: string;
            /** @description the department a grievance of this category goes to, unless a route says otherwise */
            defaultDepartment: string | null;
            /** @enum {string} */
            kind: "hazard" | "appeal" | "suggestion";
            /** @description its name in Chinese */
            name: string;
        };
        ConsentDto: {
            at?: string;
            /** @enum {boolean} */
            given: true;
            /** @enum {string} */
            method: "verbal" | "signature" | "sms";
        };
        GrievancePageView: {
            items: components["schemas"]["GrievanceSummaryView"][];
            /** @description pass as `cursor` for the next page; null on the last */
            nextCursor: string | null;
        };
        GrievanceSummaryView: {
            category: string;
            /**
             * Format: uuid
             * @description the original this grievance was joined to as a duplicate
             */
            duplicateOf: string | null;
            /** @description who must act now (a duplicate's: the original's) */
            holder: components["schemas"]["HolderView"] | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "hazard" | "appeal" | "suggestion";
            /** @enum {string|null} */
            level: "member" | "branch" | "industry_committee" | "two_new_committee" | null;
            /** @description for a duplicate: the grievance it was joined to */
            original?: components["schemas"]["OriginalSummaryView"];
            /**
             * @description where the grievance stands; a duplicate's is the original's, which is the one worked on
             * @enum {string}
             */
            status: "submitted" | "routed" | "dispatched" | "accepted" | "verified" | "in_progress" | "resolved" | "closed" | "rejected";
            /** Format: date-time */
            submittedAt: string;
            /** @description the round of supervision (督办): 0 none, 1 the first; each follow-up deadline the supervising unit missed adds one */
            supervisionRound: number;
            title: string;
            /** @example NC-20261203-000042 */
            trackingNo: string;
            underSupervision: boolean;
            /** @enum {string} */
            urgency: "normal" | "urgent";
        };
        GrievanceView: {
            /** @description the report's photos */
            attachmentIds: string[];
            category: string;
            /** @description the grievance's co-reporters (to its reporter only) */
            coReporters?: string[];
            description: string;
            /**
             * Format: uuid
             * @description the original this grievance was joined to as a duplicate
             */
            duplicateOf: string | null;
            /** @description this grievance's own history */
            history: components["schemas"]["HistoryLineView"][];
            /** @description who must act now (a duplicate's: the original's) */
            holder: components["schemas"]["HolderView"] | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "hazard" | "appeal" | "suggestion";
            /** @enum {string|null} */
            level: "member" | "branch" | "industry_committee" | "two_new_committee" | null;
            location: components["schemas"]["LocationView"] | null;
            /** @description for a duplicate: the grievance it was joined to, its status and its history, which its reporter follows as a co-reporter */
            original?: components["schemas"]["OriginalView"];
            /** @description the latest resolution of the grievance worked on (a duplicate's: the original's), with the department's fix photos */
            resolution: components["schemas"]["ResolutionView"] | null;
            /**
             * @description where the grievance stands; a duplicate's is the original's, which is the one worked on
             * @enum {string}
             */
            status: "submitted" | "routed" | "dispatched" | "accepted" | "verified" | "in_progress" | "resolved" | "closed" | "rejected";
            /** Format: date-time */
            submittedAt: string;
            /** @description the round of supervision (督办): 0 none, 1 the first; each follow-up deadline the supervising unit missed adds one */
            supervisionRound: number;
            title: string;
            /** @example NC-20261203-000042 */
            trackingNo: string;
            underSupervision: boolean;
            /** @enum {string} */
            urgency: "normal" | "urgent";
        };
        HistoryLineView: {
            actor: components["schemas"]["ActorView"];
            /** Format: date-time */
            at: string;
            /** @description the line in the Accept-Language */
            summary: string;
            /** @example grievance.resolved */
            type: string;
        };
        HolderView: {
            id: string;
            /**
             * @description the rung of the escalation chain, when the holder is one
             * @enum {string}
             */
            level?: "member" | "branch" | "industry_committee" | "two_new_committee";
            name: string;
            /** @enum {string} */
            type: "grid_worker" | "member" | "org_unit" | "department";
        };
        LocationDto: {
            address?: string;
            lat: number;
            lng: number;
        };
        LocationView: {
            address?: string;
            lat: number;
            lng: number;
        };
        LogWalkInDto: {
            attachmentIds?: string[];
            category: string;
            consent: components["schemas"]["ConsentDto"];
            description: string;
            /** @enum {string} */
            kind: "hazard" | "appeal" | "suggestion";
            location?: components["schemas"]["LocationDto"];
            /** @enum {string} */
            occupation?: "rider" | "courier" | "ride_hailing_driver" | "truck_driver" | "livestreamer" | "domestic_worker" | "online_writer";
            platform?: string;
            title: string;
            /** @enum {string} */
            urgency?: "normal" | "urgent";
            workerId: string;
            workerPhone?: string;
        };
        OriginalSummaryView: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            status: "submitted" | "routed" | "dispatched" | "accepted" | "verified" | "in_progress" | "resolved" | "closed" | "rejected";
            /** @example NC-20261203-000042 */
            trackingNo: string;
        };
        OriginalView: {
            /** @description the original's history (without the dialogue between its holder and its reporter) */
            history: components["schemas"]["HistoryLineView"][];
            holder: components["schemas"]["HolderView"] | null;
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @description when the reader was joined to it as a co-reporter
             */
            joinedAt: string;
            /** @enum {string} */
            status: "submitted" | "routed" | "dispatched" | "accepted" | "verified" | "in_progress" | "resolved" | "closed" | "rejected";
            /** @example NC-20261203-000042 */
            trackingNo: string;
        };
        ReplyDto: {
            message: string;
        };
        ResolutionView: {
            /** @description the fix photos, downloadable by the reporter and the co-reporters */
            attachments: components["schemas"]["AttachmentLinkView"][];
            /** @description what the holder says was done */
            resolution: string;
            /** Format: date-time */
            resolvedAt: string;
            resolvedBy: components["schemas"]["HolderView"];
        };
        SubmissionAnswerView: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            status: "submitted";
            /** @example NC-20261207-000042 */
            trackingNo: string;
        };
        SubmitGrievanceDto: {
            attachmentIds?: string[];
            category: string;
            description: string;
            /** @enum {string} */
            kind: "hazard" | "appeal" | "suggestion";
            location?: components["schemas"]["LocationDto"];
            /** @enum {string} */
            occupation?: "rider" | "courier" | "ride_hailing_driver" | "truck_driver" | "livestreamer" | "domestic_worker" | "online_writer";
            platform?: string;
            title: string;
            /** @enum {string} */
            urgency?: "normal" | "urgent";
        };
        WalkInPageView: {
            items: components["schemas"]["WalkInSummaryView"][];
            /** @description pass as `cursor` for the next page; null on the last */
            nextCursor: string | null;
            /** @description true once the directory retired the station (its walk-ins stay listed; it logs no new ones) */
            retired?: boolean;
            stationId: string;
            /** @description the station's name in the directory */
            stationName: string;
        };
        WalkInSummaryView: {
            category: string;
            /** Format: date-time */
            consentAt: string;
            /** @enum {string} */
            consentMethod: "verbal" | "signature" | "sms";
            /**
             * Format: uuid
             * @description the original this grievance was joined to as a duplicate
             */
            duplicateOf: string | null;
            /** @description who must act now (a duplicate's: the original's) */
            holder: components["schemas"]["HolderView"] | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "hazard" | "appeal" | "suggestion";
            /** @enum {string|null} */
            level: "member" | "branch" | "industry_committee" | "two_new_committee" | null;
            /** Format: date-time */
            loggedAt: string;
            /** @description for a duplicate: the grievance it was joined to */
            original?: components["schemas"]["OriginalSummaryView"];
            /** @description the staff member who logged it */
            staffId: string;
            /**
             * @description where the grievance stands; a duplicate's is the original's, which is the one worked on
             * @enum {string}
             */
            status: "submitted" | "routed" | "dispatched" | "accepted" | "verified" | "in_progress" | "resolved" | "closed" | "rejected";
            /** Format: date-time */
            submittedAt: string;
            /** @description the round of supervision (督办): 0 none, 1 the first; each follow-up deadline the supervising unit missed adds one */
            supervisionRound: number;
            title: string;
            /** @example NC-20261203-000042 */
            trackingNo: string;
            underSupervision: boolean;
            /** @enum {string} */
            urgency: "normal" | "urgent";
            /** @description the worker the grievance belongs to */
            workerId: string;
            /** @description the call-back phone the worker gave, masked (138****5678) */
            workerPhone: string | null;
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
    Open311Controller_list: {
        parameters: {
            query?: {
                /** @description ISO 8601 with offset; requested on or before (at most 90 days after start_date) */
                end_date?: unknown;
                /** @description this city's OPEN311_JURISDICTION_ID; another gives 404 */
                jurisdiction_id?: unknown;
                /** @description comma-separated service codes */
                service_code?: unknown;
                /** @description comma-separated tracking numbers; when given, the other filters are ignored */
                service_request_id?: unknown;
                /** @description ISO 8601 with offset; requested on or after */
                start_date?: unknown;
                /** @description open, closed, or both comma-separated */
                status?: unknown;
            };
            header?: never;
            path: {
                /** @description json or xml */
                format: "json" | "xml";
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
            /** @description Past the limit (reads: OPEN311_RATE_LIMIT_READS_PER_MINUTE per client address; posts: OPEN311_RATE_LIMIT_POSTS_PER_MINUTE per api_key): the spec's error list, [{"code": 429, "description": "too many …; try again in N s"}] or <errors><error>…, in the format the path asks for */
            429: {
                headers: {
                    /** @description requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description requests left now */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the next request is allowed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Open311Controller_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description json or xml */
                format: "json" | "xml";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    account_id?: string;
                    address_string?: string;
                    api_key: string;
                    "attribute[urgency]"?: string;
                    description?: string;
                    device_id?: string;
                    email?: string;
                    first_name?: string;
                    jurisdiction_id?: string;
                    last_name?: string;
                    lat: string;
                    long: string;
                    media_url?: string;
                    phone?: string;
                    service_code: string;
                };
            };
        };
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
            /** @description Past the limit (reads: OPEN311_RATE_LIMIT_READS_PER_MINUTE per client address; posts: OPEN311_RATE_LIMIT_POSTS_PER_MINUTE per api_key): the spec's error list, [{"code": 429, "description": "too many …; try again in N s"}] or <errors><error>…, in the format the path asks for */
            429: {
                headers: {
                    /** @description requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description requests left now */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the next request is allowed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Open311Controller_one: {
        parameters: {
            query?: {
                /** @description this city's OPEN311_JURISDICTION_ID; another gives 404 */
                jurisdiction_id?: unknown;
            };
            header?: never;
            path: {
                /** @description json or xml */
                format: "json" | "xml";
                /** @description the tracking number, e.g. NC-20261206-000001 */
                service_request_id: string;
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
            /** @description Past the limit (reads: OPEN311_RATE_LIMIT_READS_PER_MINUTE per client address; posts: OPEN311_RATE_LIMIT_POSTS_PER_MINUTE per api_key): the spec's error list, [{"code": 429, "description": "too many …; try again in N s"}] or <errors><error>…, in the format the path asks for */
            429: {
                headers: {
                    /** @description requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description requests left now */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the next request is allowed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Open311Controller_services: {
        parameters: {
            query?: {
                /** @description this city's OPEN311_JURISDICTION_ID; another gives 404 */
                jurisdiction_id?: unknown;
            };
            header?: never;
            path: {
                /** @description json or xml */
                format: "json" | "xml";
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
            /** @description Past the limit (reads: OPEN311_RATE_LIMIT_READS_PER_MINUTE per client address; posts: OPEN311_RATE_LIMIT_POSTS_PER_MINUTE per api_key): the spec's error list, [{"code": 429, "description": "too many …; try again in N s"}] or <errors><error>…, in the format the path asks for */
            429: {
                headers: {
                    /** @description requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description requests left now */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the next request is allowed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Open311Controller_definition: {
        parameters: {
            query?: {
                /** @description this city's OPEN311_JURISDICTION_ID; another gives 404 */
                jurisdiction_id?: unknown;
            };
            header?: never;
            path: {
                /** @description json or xml */
                format: "json" | "xml";
                service_code: string;
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
            /** @description Past the limit (reads: OPEN311_RATE_LIMIT_READS_PER_MINUTE per client address; posts: OPEN311_RATE_LIMIT_POSTS_PER_MINUTE per api_key): the spec's error list, [{"code": 429, "description": "too many …; try again in N s"}] or <errors><error>…, in the format the path asks for */
            429: {
                headers: {
                    /** @description requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description requests left now */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the next request is allowed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Open311Controller_token: {
        parameters: {
            query?: {
                /** @description this city's OPEN311_JURISDICTION_ID; another gives 404 */
                jurisdiction_id?: unknown;
            };
            header?: never;
            path: {
                /** @description json or xml */
                format: "json" | "xml";
                token: string;
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
            /** @description Past the limit (reads: OPEN311_RATE_LIMIT_READS_PER_MINUTE per client address; posts: OPEN311_RATE_LIMIT_POSTS_PER_MINUTE per api_key): the spec's error list, [{"code": 429, "description": "too many …; try again in N s"}] or <errors><error>…, in the format the path asks for */
            429: {
                headers: {
                    /** @description requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description requests left now */
                    "RateLimit-Remaining"?: number;
                    /** @description seconds until the next request is allowed */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AttachmentsController_create: {
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
                content: {
                    "application/json": components["schemas"]["AttachmentAnswer"];
                };
            };
        };
    };
    AttachmentsController_fetch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
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
    GrievancesController_listCategories: {
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
                    "application/json": components["schemas"]["CategoryView"][];
                };
            };
        };
    };
    GrievancesController_list: {
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
                    "application/json": components["schemas"]["GrievancePageView"];
                };
            };
        };
    };
    GrievancesController_create: {
        parameters: {
            query?: never;
            header?: {
                "accept-language"?: string;
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubmitGrievanceDto"];
            };
        };
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
                content: {
                    "application/json": components["schemas"]["SubmissionAnswerView"];
                };
            };
        };
    };
    GrievancesController_get: {
        parameters: {
            query?: never;
            header?: {
                "accept-language"?: string;
            };
            path: {
                id: string;
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
                    "application/json": components["schemas"]["GrievanceView"];
                };
            };
        };
    };
    GrievancesController_answer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplyDto"];
            };
        };
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
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    WalkInsController_list: {
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
                    "application/json": components["schemas"]["WalkInPageView"];
                };
            };
        };
    };
    WalkInsController_create: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LogWalkInDto"];
            };
        };
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
                content: {
                    "application/json": components["schemas"]["SubmissionAnswerView"];
                };
            };
        };
    };
}
