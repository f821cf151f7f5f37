{{- define "zwy.labels" -}}
app.kubernetes.io/part-of: zwy
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end -}}
