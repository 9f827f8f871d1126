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
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        LocationDto: {
            address?: string;
            lat: number;
            lng: number;
        };
        ReplyDto: {
            message: string;
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
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
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
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
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
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
