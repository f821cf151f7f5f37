{{- /*
zwy.env: the environment of one service, shared by its Deployment and its migration Job (same settings,
same Secrets). Called with (dict "root" $ "name" <service> "svc" <its values>).
*/ -}}
{{- define "zwy.env" -}}
{{- $root := .root }}{{- $name := .name }}{{- $svc := .svc }}
{{- /* TENANT_SERVICE_PORT, GATEWAY_MANAGEMENT_PORT, ZWY_TENANT_DB ... as the application.yml files read them */}}
{{- $var := $name | upper | replace "-" "_" }}
{{- $short := $name | trimSuffix "-service" | upper }}
# G1 named: in a 512 MiB container the JVM would pick the serial collector by itself
# (docs/benchmarks/gateway.md measures the services with these settings)
- name: JAVA_TOOL_OPTIONS
  value: "-XX:MaxRAMPercentage=70 -XX:+UseG1GC"
- name: {{ $var }}_PORT
  value: {{ $svc.port | quote }}
# one JSON object per log line (Elastic Common Schema: service name, trace and span ids, and the MDC's tenant),
# for the cluster's log collector; the local demo keeps readable lines
- name: LOGGING_STRUCTURED_FORMAT_CONSOLE
  value: {{ $root.Values.logFormat | quote }}
- name: {{ $var }}_MANAGEMENT_PORT
  value: {{ $svc.managementPort | quote }}
# the pod's interfaces (the NetworkPolicy decides who reaches them); loopback is the default outside a cluster
- name: ZWY_BIND_ADDRESS
  value: "0.0.0.0"
- name: ZWY_MANAGEMENT_ADDRESS
  value: "0.0.0.0"
- name: ZWY_REDIS_HOST
  value: {{ $root.Values.redis.host | quote }}
- name: ZWY_REDIS_PORT
  value: {{ $root.Values.redis.port | quote }}
- name: ZWY_REDIS_TLS
  value: {{ $root.Values.redis.tls | quote }}
- name: ZWY_REDIS_USER
  value: {{ $svc.redisUser | quote }}
- name: ZWY_REDIS_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $root.Values.redis.existingSecret }}
      key: {{ $name }}
{{- range $i, $issuer := $root.Values.keycloak.issuers }}
- name: ZWY_SECURITY_ISSUERS_{{ $i }}
  value: {{ $issuer | quote }}
{{- end }}
{{- if $svc.database }}
- name: ZWY_PG_HOST
  value: {{ $root.Values.postgres.host | quote }}
- name: ZWY_PG_PORT
  value: {{ $root.Values.postgres.port | quote }}
- name: ZWY_PG_SSLMODE
  value: {{ $root.Values.postgres.sslmode | quote }}
- name: ZWY_{{ $short }}_DB
  value: {{ $svc.database | quote }}
- name: ZWY_APP_DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $root.Values.postgres.existingSecret }}
      key: app-password
- name: ZWY_OWNER_DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $root.Values.postgres.existingSecret }}
      key: owner-password
# the services with a database are the ones on the event path: they sign and verify events
- name: ZWY_EVENTS_HMAC_KEY
  valueFrom:
    secretKeyRef:
      name: {{ $root.Values.events.existingSecret }}
      key: hmac-key
- name: ZWY_EVENTS_HMAC_PREVIOUS_KEY
  valueFrom:
    secretKeyRef:
      name: {{ $root.Values.events.existingSecret }}
      key: previous-hmac-key
      optional: true
{{- end }}
{{- if eq $name "tenant-service" }}
- name: ZWY_KEYCLOAK_URL
  value: {{ $root.Values.keycloak.url | quote }}
- name: ZWY_KEYCLOAK_CLIENT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ $root.Values.keycloak.existingSecret }}
      key: client-secret
{{- end }}
{{- if eq $name "case-service" }}
# M3: the data keys (current first, older ones for reading) and the blind index's key
- name: ZWY_PRIVACY_KEYS
  valueFrom:
    secretKeyRef:
      name: {{ $root.Values.privacy.existingSecret }}
      key: keys
- name: ZWY_PRIVACY_INDEX_KEY
  valueFrom:
    secretKeyRef:
      name: {{ $root.Values.privacy.existingSecret }}
      key: index-key
# material uploads: postgres (a table in the case database) or an S3-API store
- name: ZWY_OBJECT_STORE
  value: {{ $root.Values.objectStore.type | quote }}
{{- if eq $root.Values.objectStore.type "s3" }}
- name: ZWY_S3_ENDPOINT
  value: {{ $root.Values.objectStore.s3.endpoint | quote }}
- name: ZWY_S3_REGION
  value: {{ $root.Values.objectStore.s3.region | quote }}
- name: ZWY_S3_BUCKET
  value: {{ $root.Values.objectStore.s3.bucket | quote }}
- name: ZWY_S3_PATH_STYLE
  value: {{ $root.Values.objectStore.s3.pathStyle | quote }}
- name: ZWY_S3_ACCESS_KEY_ID
  valueFrom:
    secretKeyRef:
      name: {{ $root.Values.objectStore.s3.existingSecret }}
      key: access-key-id
- name: ZWY_S3_SECRET_ACCESS_KEY
  valueFrom:
    secretKeyRef:
      name: {{ $root.Values.objectStore.s3.existingSecret }}
      key: secret-access-key
{{- end }}
{{- end }}
{{- if eq $name "search-service" }}
- name: ZWY_ES_URL
  value: {{ $root.Values.elasticsearch.url | quote }}
# a rebuild of the guides index reads the published catalog (ADR 0019)
- name: ZWY_TENANT_SERVICE_URL
  value: "http://tenant-service:{{ (index $root.Values.services "tenant-service").port }}"
{{- end }}
{{- if eq $name "gateway" }}
- name: ZWY_TENANT_SERVICE_URL
  value: "http://tenant-service:{{ (index $root.Values.services "tenant-service").port }}"
- name: ZWY_CASE_SERVICE_URL
  value: "http://case-service:{{ (index $root.Values.services "case-service").port }}"
- name: ZWY_SEARCH_SERVICE_URL
  value: "http://search-service:{{ (index $root.Values.services "search-service").port }}"
- name: ZWY_KEYCLOAK_URL
  value: {{ $root.Values.keycloak.url | quote }}
{{- if $root.Values.ingress.enabled }}
# per-address limits (sign-in, anonymous callers) need the client's address, which the
# ingress passes in X-Forwarded-For (ingress-nginx replaces what a client sent there)
- name: SERVER_FORWARD_HEADERS_STRATEGY
  value: native
{{- end }}
{{- end }}
{{- end -}}
