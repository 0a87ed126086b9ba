{{/* The chart's name, or nameOverride. */}}
{{- define "zendo.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The release's full name: fullnameOverride, else the release name, with the chart name unless it holds it. */}}
{{- define "zendo.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* The name of one service's objects; takes (dict "root" $ "name" <service>). */}}
{{- define "zendo.serviceName" -}}
{{- printf "%s-%s" (include "zendo.fullname" .root) .name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "zendo.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/name: {{ include "zendo.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: zendo
{{- end }}

{{/* Labels that select one service's pods; takes (dict "root" $ "name" <service>). */}}
{{- define "zendo.selectorLabels" -}}
app.kubernetes.io/name: {{ include "zendo.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
{{- end }}

{{/* All labels of one service's objects; takes (dict "root" $ "name" <service>). */}}
{{- define "zendo.serviceLabels" -}}
{{ include "zendo.labels" .root }}
app.kubernetes.io/component: {{ .name }}
{{- end }}

{{- define "zendo.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "zendo.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "zendo.databaseSecretName" -}}
{{- default (printf "%s-database" (include "zendo.fullname" .)) .Values.postgresql.existingSecret }}
{{- end }}

{{/* One service's image reference; takes (dict "root" $ "svc" <service values>). */}}
{{- define "zendo.image" -}}
{{- $repository := .svc.image.repository }}
{{- with .root.Values.image.registry }}
{{- $repository = printf "%s/%s" (trimSuffix "/" .) $repository }}
{{- end }}
{{- printf "%s:%s" $repository (.svc.image.tag | default .root.Values.image.tag | default .root.Chart.AppVersion) }}
{{- end }}

{{/*
The environment of one service, by the names of docker-compose.yml and scripts/lib/services.sh;
takes (dict "root" $ "name" <service> "svc" <service values>).
*/}}
{{- define "zendo.env" -}}
{{- $values := .root.Values -}}
- name: {{ .name | upper | replace "-" "_" }}_PORT
  value: {{ .svc.port | quote }}
- name: KAFKA_BOOTSTRAP_SERVERS
  value: {{ required "kafka.bootstrapServers is required" $values.kafka.bootstrapServers | quote }}
- name: KAFKA_REPLICATION_FACTOR
  value: {{ $values.kafka.replicationFactor | quote }}
- name: KAFKA_PARTITIONS
  value: {{ $values.kafka.partitions | quote }}
- name: LOG_FORMAT
  value: {{ $values.logging.format | quote }}
- name: LOG_LEVEL
  value: {{ $values.logging.level | quote }}
- name: HEALTH_DETAILS
  value: {{ $values.healthDetails | quote }}
- name: KAFKA_SITE_RETENTION
  value: {{ $values.kafka.siteRetention | quote }}
- name: IDENTITY_ISSUER
  value: {{ $values.identity.issuer | quote }}
- name: IDENTITY_JWKS_URL
  value: {{ printf "http://%s:%v/.well-known/jwks.json" (include "zendo.serviceName" (dict "root" .root "name" "identity")) $values.services.identity.port | quote }}
{{- if (.svc.signing).enabled }}
- name: SIGNING_JWKS_FILE
  value: /keys/jwks.json
{{- end }}
{{- if (.svc.invitationSeal).enabled }}
- name: {{ if eq .name "identity" }}NOTIFICATIONS_SEAL_PUBLIC_KEYSET_FILE{{ else }}INVITATION_SEAL_PUBLIC_KEYSET_FILE{{ end }}
  value: /invitation-seal/public.json
{{- end }}
{{- if (.svc.identitySecrets).enabled }}
- name: IDENTITY_SECRETS_KEYSET_FILE
  value: /identity-secrets/keyset.json
{{- end }}
{{- if (.svc.sealOpener).enabled }}
- name: NOTIFICATIONS_SEAL_KEYSET_FILE
  value: /seal-opener/private.json
{{- end }}
{{- if (.svc.webhookSecrets).enabled }}
- name: WEBHOOK_SECRETS_KEYSET_FILE
  value: /webhook-secrets/keyset.json
{{- end }}
{{- with .svc.mail }}
- name: SMTP_HOST
  value: {{ .host | quote }}
- name: SMTP_PORT
  value: {{ .port | quote }}
- name: SMTP_SECURITY
  value: {{ .security | quote }}
- name: MAIL_FROM
  value: {{ .from | quote }}
{{- with .existingSecret }}
- name: SMTP_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: username
- name: SMTP_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: password
{{- end }}
{{- end }}
{{- with .svc.publicUrl }}
- name: PUBLIC_URL
  value: {{ . | quote }}
{{- end }}
{{- with .svc.ws }}
- name: {{ $.name | upper | replace "-" "_" }}_WS_PORT
  value: {{ .port | quote }}
{{- end }}
{{- if (.svc.realtimeTokens).enabled }}
- name: REALTIME_TICKETS_JWKS_URL
  value: {{ printf "http://%s:%v/v1/realtime/jwks.json" (include "zendo.serviceName" (dict "root" .root "name" "websites")) $values.services.websites.port | quote }}
- name: REALTIME_TICKETS_ISSUER
  value: {{ .svc.realtimeTokens.ticketsIssuer | quote }}
- name: REALTIME_VISITOR_JWKS_URL
  value: {{ printf "http://%s:%v/v1/widget/jwks.json" (include "zendo.serviceName" (dict "root" .root "name" "conversations")) $values.services.conversations.port | quote }}
- name: REALTIME_VISITOR_ISSUER
  value: {{ .svc.realtimeTokens.visitorIssuer | quote }}
- name: REALTIME_CHECKED_SIGNATURES_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ include "zendo.checkedSignaturesSecretName" (dict "root" .root "svc" .svc) }}
      key: secret
      optional: true
{{- end }}
{{- with .svc.trustedProxies }}
- name: TRUSTED_PROXIES
  value: {{ join "," . | quote }}
{{- end }}
{{- if .svc.database.enabled }}
- name: DATABASE_URL
  value: {{ printf "jdbc:postgresql://%s:%v/%s%s" (required "postgresql.host is required" $values.postgresql.host) $values.postgresql.port $values.postgresql.database $values.postgresql.urlParameters | quote }}
- name: DATABASE_USER
  value: {{ required (printf "services.%s.database.user is required" .name) .svc.database.user | quote }}
- name: DATABASE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "zendo.databaseSecretName" .root }}
      key: {{ .name }}-password
- name: DATABASE_POOL_SIZE
  value: {{ .svc.database.poolSize | quote }}
{{- end }}
{{- if .svc.redis }}
- name: REDIS_URL
{{- if $values.redis.existingSecret }}
  valueFrom:
    secretKeyRef:
      name: {{ $values.redis.existingSecret }}
      key: {{ $values.redis.existingSecretKey }}
{{- else }}
  value: {{ required "redis.url is required" $values.redis.url | quote }}
{{- end }}
- name: REDIS_TIMEOUT
  value: {{ $values.redis.timeout | quote }}
{{- end }}
{{- range $key, $value := .svc.env }}
- name: {{ $key }}
  value: {{ $value | quote }}
{{- end }}
{{- end }}

{{/* One service's Deployment and Service; takes (dict "root" $ "name" <service> "svc" <service values>). */}}
{{- define "zendo.workload" -}}
{{- $root := .root }}
{{- $values := .root.Values }}
{{- $id := dict "root" .root "name" .name }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "zendo.serviceName" $id }}
  labels:
    {{- include "zendo.serviceLabels" $id | nindent 4 }}
spec:
  {{- if not .svc.autoscaling.enabled }}
  replicas: {{ .svc.replicas }}
  {{- end }}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      {{- include "zendo.selectorLabels" $id | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "zendo.serviceLabels" $id | nindent 8 }}
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/path: /prometheus
        prometheus.io/port: {{ .svc.port | quote }}
        {{- with $values.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ include "zendo.serviceAccountName" $root }}
      automountServiceAccountToken: false
      enableServiceLinks: false
      terminationGracePeriodSeconds: {{ .svc.terminationGracePeriodSeconds }}
      {{- with $values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        {{- toYaml $values.podSecurityContext | nindent 8 }}
      containers:
        - name: {{ .name }}
          image: {{ include "zendo.image" (dict "root" $root "svc" .svc) }}
          imagePullPolicy: {{ $values.image.pullPolicy }}
          securityContext:
            {{- toYaml $values.securityContext | nindent 12 }}
          ports:
            - name: http
              containerPort: {{ .svc.port }}
              protocol: TCP
            {{- with .svc.ws }}
            - name: ws
              containerPort: {{ .port }}
              protocol: TCP
            {{- end }}
          env:
            {{- include "zendo.env" . | nindent 12 }}
          startupProbe:
            httpGet:
              path: /health/liveness
              port: http
            {{- toYaml $values.probes.startup | nindent 12 }}
          livenessProbe:
            httpGet:
              path: /health/liveness
              port: http
            {{- toYaml $values.probes.liveness | nindent 12 }}
          readinessProbe:
            httpGet:
              path: /health/readiness
              port: http
            {{- toYaml $values.probes.readiness | nindent 12 }}
          resources:
            {{- toYaml .svc.resources | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            {{- if (.svc.signing).enabled }}
            - name: signing-keys
              mountPath: /keys
              readOnly: true
            {{- end }}
            {{- if (.svc.invitationSeal).enabled }}
            - name: invitation-seal
              mountPath: /invitation-seal
              readOnly: true
            {{- end }}
            {{- if (.svc.identitySecrets).enabled }}
            - name: identity-secrets
              mountPath: /identity-secrets
              readOnly: true
            {{- end }}
            {{- if (.svc.sealOpener).enabled }}
            - name: seal-opener
              mountPath: /seal-opener
              readOnly: true
            {{- end }}
            {{- if (.svc.webhookSecrets).enabled }}
            - name: webhook-secrets
              mountPath: /webhook-secrets
              readOnly: true
            {{- end }}
      volumes:
        - name: tmp
          emptyDir: {}
        {{- if (.svc.signing).enabled }}
        - name: signing-keys
          secret:
            secretName: {{ .svc.signing.existingSecret | default (printf "%s-signing" (include "zendo.serviceName" $id)) }}
            defaultMode: 0400
        {{- end }}
        {{- if (.svc.invitationSeal).enabled }}
        - name: invitation-seal
          secret:
            secretName: {{ .svc.invitationSeal.existingSecret | default (printf "%s-invitation-seal" (include "zendo.fullname" $root)) }}
            items:
              - key: public.json
                path: public.json
            defaultMode: 0400
        {{- end }}
        {{- if (.svc.identitySecrets).enabled }}
        - name: identity-secrets
          secret:
            secretName: {{ .svc.identitySecrets.existingSecret | default (printf "%s-identity-secrets" (include "zendo.fullname" $root)) }}
            items:
              - key: keyset.json
                path: keyset.json
            defaultMode: 0400
        {{- end }}
        {{- if (.svc.sealOpener).enabled }}
        - name: seal-opener
          secret:
            secretName: {{ .svc.sealOpener.existingSecret | default (printf "%s-invitation-seal" (include "zendo.fullname" $root)) }}
            items:
              - key: private.json
                path: private.json
            defaultMode: 0400
        {{- end }}
        {{- if (.svc.webhookSecrets).enabled }}
        - name: webhook-secrets
          secret:
            secretName: {{ .svc.webhookSecrets.existingSecret | default (printf "%s-webhook-secrets" (include "zendo.fullname" $root)) }}
            items:
              - key: keyset.json
                path: keyset.json
            defaultMode: 0400
        {{- end }}
      {{- with $values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ include "zendo.serviceName" $id }}
  labels:
    {{- include "zendo.serviceLabels" $id | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "zendo.selectorLabels" $id | nindent 4 }}
  ports:
    - name: http
      port: {{ .svc.port }}
      targetPort: http
      protocol: TCP
    {{- with .svc.ws }}
    - name: ws
      port: {{ .port }}
      targetPort: ws
      protocol: TCP
    {{- end }}
{{- end }}

{{/* The Secret holding the realtime edge's checked-signatures secret. */}}
{{- define "zendo.checkedSignaturesSecretName" -}}
{{- ((.svc.realtimeTokens).checkedSignatures).existingSecret | default (printf "%s-realtime-signatures" (include "zendo.fullname" .root)) -}}
{{- end }}
