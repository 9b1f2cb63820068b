{{/* The services this chart deploys, in order: their migration Jobs run in this order too
(as deploy/local/run_cluster.py migrates and starts them). */}}
{{- define "tracker.services" -}}
profiles reporting import households groups messaging referrals gateway
{{- end -}}

{{- define "tracker.grpcServices" -}}
profiles reporting import households groups messaging referrals
{{- end -}}

{{/* Who calls each gRPC service (the network policies let only these pods reach its gRPC port):
the gateway calls every service; import calls profiles (UpsertPeople); households calls profiles
(custom field catalogue and checks); groups calls profiles (resolving criteria, people's status); reporting
calls profiles (catalogue, search aggregations, the recount's people), households and groups (the recount's
states, group and activity names) and messaging (the recount's communication records); messaging calls
profiles (people's status); referrals calls profiles (the person referred) and messaging (appointment requests
by email). */}}
{{- define "tracker.grpcCallers" -}}
profiles: [gateway, reporting, import, households, groups, messaging, referrals]
reporting: [gateway]
import: [gateway]
households: [gateway, reporting, messaging]
groups: [gateway, reporting]
messaging: [gateway, reporting, referrals]
referrals: [gateway]
{{- end -}}

{{/* TRACKER_VAR_DIR of every process: inside the /tmp emptyDir, except in the import pods,
where the import service's PersistentVolumeClaim is mounted on it. */}}
{{- define "tracker.varDir" -}}
/tmp/tracker
{{- end -}}

{{/* Name of the import service's PersistentVolumeClaim (its own, or import.persistence.existingClaim). */}}
{{- define "tracker.importClaimName" -}}
{{- default (printf "%s-data" (include "tracker.serviceName" (dict "root" . "service" "import"))) (index .Values "import").persistence.existingClaim -}}
{{- end -}}

{{/* True (non-empty) when the import pods may share their volume: ReadWriteMany storage. */}}
{{- define "tracker.importStorageShared" -}}
{{- if has "ReadWriteMany" (index .Values "import").persistence.accessModes }}true{{ end -}}
{{- end -}}

{{- define "tracker.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Full name of the release; a service's objects are named "<fullname>-<service>". */}}
{{- define "tracker.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Call with (dict "root" $ "service" "profiles"). */}}
{{- define "tracker.serviceName" -}}
{{- printf "%s-%s" (include "tracker.fullname" .root | trunc 52 | trimSuffix "-") .service -}}
{{- end -}}

{{- define "tracker.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "tracker.labels" -}}
helm.sh/chart: {{ include "tracker.chart" . }}
{{ include "tracker.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: tenant-tracker
{{- end -}}

{{- define "tracker.selectorLabels" -}}
app.kubernetes.io/name: {{ include "tracker.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Labels of one service's objects. Call with (dict "root" $ "service" "profiles"). */}}
{{- define "tracker.componentLabels" -}}
{{ include "tracker.labels" .root }}
app.kubernetes.io/component: {{ .service }}
{{- end -}}

{{- define "tracker.componentSelectorLabels" -}}
{{ include "tracker.selectorLabels" .root }}
app.kubernetes.io/component: {{ .service }}
{{- end -}}

{{- define "tracker.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "tracker.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "tracker.image" -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}
{{- end -}}

{{- define "tracker.secretName" -}}
{{- default (include "tracker.fullname" .) .Values.secrets.existingSecret -}}
{{- end -}}

{{- define "tracker.migrationSecretName" -}}
{{- default (printf "%s-migrate" (include "tracker.fullname" .)) .Values.secrets.existingMigrationSecret -}}
{{- end -}}

{{/* host:port where the gateway reaches a gRPC service. Call with (dict "root" $ "service" "profiles"). */}}
{{- define "tracker.serviceAddress" -}}
{{- $svc := index .root.Values .service -}}
{{- printf "%s:%d" (include "tracker.serviceName" .) (int $svc.grpcPort) -}}
{{- end -}}

{{/* A PostgreSQL URL template for one role. Call with (dict "db" .Values.database "role" .Values.database.app). */}}
{{- define "tracker.databaseUrl" -}}
{{- $auth := urlquery .role.user | replace "+" "%20" -}}
{{- if .role.password -}}
{{- $auth = printf "%s:%s" $auth (urlquery .role.password | replace "+" "%20") -}}
{{- end -}}
{{- $url := printf "postgresql+psycopg://%s@%s:%d/%s" $auth .db.host (int .db.port) .db.databaseTemplate -}}
{{- if .db.params -}}
{{- $url = printf "%s?%s" $url .db.params -}}
{{- end -}}
{{- $url -}}
{{- end -}}

{{- define "tracker.appDatabaseUrl" -}}
{{- default (include "tracker.databaseUrl" (dict "db" .Values.database "role" .Values.database.app)) .Values.database.urlTemplate -}}
{{- end -}}

{{- define "tracker.migrationDatabaseUrl" -}}
{{- default (include "tracker.databaseUrl" (dict "db" .Values.database "role" .Values.database.owner)) .Values.database.migrationUrlTemplate -}}
{{- end -}}

{{- define "tracker.elasticsearchUrlWithCredentials" -}}
{{- include "tracker.urlWithCredentials" .Values.elasticsearch -}}
{{- end -}}

{{/* A URL with user:password put in (the values' url, username and password), for the Secret. */}}
{{- define "tracker.urlWithCredentials" -}}
{{- $u := urlParse .url -}}
{{- $_ := set $u "userinfo" (printf "%s:%s" (urlquery .username | replace "+" "%20") (urlquery .password | replace "+" "%20")) -}}
{{- urlJoin $u -}}
{{- end -}}

{{/* The non-secret environment of every process (ConfigMap data). */}}
{{- define "tracker.configData" -}}
TRACKER_VAR_DIR: {{ include "tracker.varDir" . | quote }}
TRACKER_BUS: "kafka"
TRACKER_KAFKA_BOOTSTRAP: {{ required "kafka.bootstrap is required" .Values.kafka.bootstrap | quote }}
TRACKER_SEARCH: "elasticsearch"
{{- if not .Values.elasticsearch.username }}
TRACKER_ELASTICSEARCH_URL: {{ required "elasticsearch.url is required" .Values.elasticsearch.url | quote }}
{{- end }}
TRACKER_SEARCH_INDEX_PREFIX: {{ .Values.config.searchIndexPrefix | quote }}
{{- if not .Values.smtp.username }}
TRACKER_SMTP_URL: {{ required "smtp.url is required" .Values.smtp.url | quote }}
{{- end }}
TRACKER_SMS_API_URL: {{ required "texts.apiUrl is required" .Values.texts.apiUrl | quote }}
TRACKER_SMS_ACCOUNT: {{ .Values.texts.account | quote }}
TRACKER_PUBLIC_URL: {{ .Values.gateway.publicUrl | quote }}
TRACKER_MAIL_CATCHER: "0"
TRACKER_TEXT_CATCHER: "0"
TRACKER_SEARCH_SHARDS: {{ .Values.elasticsearch.shards | quote }}
TRACKER_SEARCH_REPLICAS: {{ .Values.elasticsearch.replicas | quote }}
TRACKER_GATEWAY_HOST: "0.0.0.0"
TRACKER_GATEWAY_PORT: {{ .Values.gateway.port | quote }}
TRACKER_GATEWAY_TRUSTED_PROXY: {{ .Values.gateway.trustedProxy | default (ternary "*" "" .Values.ingress.enabled) | quote }}
TRACKER_GRPC_HOST: "0.0.0.0"
{{- range $name := splitList " " (include "tracker.grpcServices" .) }}
{{- $svc := index $.Values $name }}
TRACKER_{{ upper $name }}_GRPC_PORT: {{ $svc.grpcPort | quote }}
TRACKER_{{ upper $name }}_METRICS_PORT: {{ $svc.metricsPort | quote }}
TRACKER_{{ upper $name }}_ADDRESS: {{ include "tracker.serviceAddress" (dict "root" $ "service" $name) | quote }}
{{- end }}
TRACKER_TOKEN_TTL_SECONDS: {{ .Values.config.tokenTtlSeconds | quote }}
TRACKER_LOG_LEVEL: {{ .Values.config.logLevel | quote }}
TRACKER_DEMO: {{ ternary "1" "0" .Values.config.demo | quote }}
{{- range $k, $v := .Values.config.extraEnv }}
{{ $k }}: {{ $v | quote }}
{{- end }}
{{- end -}}

{{/* A value kept from the live Secret on upgrade, else the configured one, else random. */}}
{{- define "tracker.keptSecretValue" -}}
{{- $existing := lookup "v1" "Secret" .root.Release.Namespace (include "tracker.fullname" .root) -}}
{{- if .value -}}
{{- .value -}}
{{- else if and $existing $existing.data (hasKey $existing.data .key) -}}
{{- index $existing.data .key | b64dec -}}
{{- else -}}
{{- randAlphaNum .length -}}
{{- end -}}
{{- end -}}

{{/* Pod-level security settings. Call with (dict "root" $ "service" $name [ "hook" true ]).
Hook Jobs run before the chart's ServiceAccount exists (pre-install), so they use the
namespace's default account unless serviceAccount.create is false (an account you made). */}}
{{- define "tracker.podCommon" -}}
{{- if not (and .hook .root.Values.serviceAccount.create) }}
serviceAccountName: {{ include "tracker.serviceAccountName" .root }}
{{- end }}
automountServiceAccountToken: {{ .root.Values.automountServiceAccountToken }}
{{- with .root.Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
securityContext:
  {{- toYaml .root.Values.podSecurityContext | nindent 2 }}
{{- end -}}

{{/* The /tmp emptyDir: tmpSizeLimit, or <service>.tmpSizeLimit when called with (dict "root" $ "service" $name). */}}
{{- define "tracker.tmpVolume" -}}
{{- $size := .root.Values.tmpSizeLimit -}}
{{- if .service }}{{ $size = (index .root.Values .service).tmpSizeLimit | default $size }}{{ end -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ $size }}
{{- end -}}

{{- define "tracker.tmpVolumeMount" -}}
- name: tmp
  mountPath: /tmp
{{- end -}}
