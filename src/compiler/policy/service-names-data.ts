/**
 * Service names: AWS SDK v3 package names -> botocore names -> IAM service prefixes.
 * Data from github.com/awslabs/iam-policy-autopilot at 8f09822b,
 * iam-policy-autopilot-policy-generation/resources/config/service-configuration.json
 * (`SmithyBotocoreServiceNameMapping`; `RenameServicesServiceReference` overlaid with
 * `RenameServicesOperationActionMap` where that names a prefix the IAM data has).
 * Apache-2.0, Copyright Amazon.com, Inc. or its affiliates.
 * Copied from ../shared/reference/iam/; regenerate from there, do not edit by hand.
 */

/** `@aws-sdk/client-<name>` -> botocore service name, where they differ. */
export const SDK_V3_TO_BOTOCORE: Readonly<Record<string, string>> = {
  'api-gateway': 'apigateway', 'app-mesh': 'appmesh', 'application-auto-scaling': 'application-autoscaling',
  'application-discovery-service': 'discovery', 'auto-scaling': 'autoscaling', 'auto-scaling-plans': 'autoscaling-plans',
  'cloudhsm-v2': 'cloudhsmv2', 'cloudsearch-domain': 'cloudsearchdomain', 'cloudwatch-logs': 'logs',
  'cognito-identity-provider': 'cognito-idp', 'config-service': 'config', 'cost-and-usage-report-service': 'cur',
  'cost-explorer': 'ce', 'data-pipeline': 'datapipeline', 'database-migration-service': 'dms', 'device-farm': 'devicefarm',
  'direct-connect': 'directconnect', 'directory-service': 'ds', 'directory-service-data': 'ds-data',
  'dynamodb-streams': 'dynamodbstreams', 'elastic-beanstalk': 'elasticbeanstalk', 'elastic-load-balancing': 'elb',
  'elastic-load-balancing-v2': 'elbv2', 'elastic-transcoder': 'elastictranscoder', 'elasticsearch-service': 'es',
  'eventbridge': 'events', 'global-accelerator': 'globalaccelerator', 'iot-data-plane': 'iot-data', 'iot-events': 'iotevents',
  'iot-events-data': 'iotevents-data', 'iot-jobs-data-plane': 'iot-jobs-data', 'iot-wireless': 'iotwireless',
  'kinesis-analytics': 'kinesisanalytics', 'kinesis-analytics-v2': 'kinesisanalyticsv2', 'kinesis-video': 'kinesisvideo',
  'lex-model-building-service': 'lex-models', 'lex-models-v2': 'lexv2-models', 'lex-runtime-service': 'lex-runtime',
  'lex-runtime-v2': 'lexv2-runtime', 'machine-learning': 'machinelearning',
  'marketplace-commerce-analytics': 'marketplacecommerceanalytics', 'marketplace-entitlement-service': 'marketplace-entitlement',
  'marketplace-metering': 'meteringmarketplace', 'migration-hub': 'mgh', 'pinpoint-sms-voice': 'sms-voice',
  'resource-groups-tagging-api': 'resourcegroupstaggingapi', 'route-53': 'route53', 'route-53-domains': 'route53domains',
  's3-control': 's3control', 'secrets-manager': 'secretsmanager', 'serverlessapplicationrepository': 'serverlessrepo',
  'service-catalog': 'servicecatalog', 'service-catalog-appregistry': 'servicecatalog-appregistry', 'sfn': 'stepfunctions',
  'storage-gateway': 'storagegateway',
};

/** botocore service name -> IAM service prefix, where they differ. */
export const BOTOCORE_TO_IAM: Readonly<Record<string, string>> = {
  'accessanalyzer': 'access-analyzer', 'amp': 'aps', 'apigatewaymanagementapi': 'execute-api', 'apigatewayv2': 'apigateway',
  'appconfigdata': 'appconfig', 'appintegrations': 'app-integrations', 'application-insights': 'applicationinsights',
  'backupsearch': 'backup-search', 'bedrock-agent': 'bedrock', 'bedrock-agent-runtime': 'bedrock',
  'bedrock-agentcore-control': 'bedrock-agentcore', 'bedrock-data-automation': 'bedrock',
  'bedrock-data-automation-runtime': 'bedrock', 'bedrock-runtime': 'bedrock', 'chime-sdk-identity': 'chime',
  'chime-sdk-media-pipelines': 'chime', 'chime-sdk-meetings': 'chime', 'chime-sdk-messaging': 'chime',
  'chime-sdk-voice': 'chime', 'cleanroomsml': 'cleanrooms-ml', 'cloudcontrol': 'cloudformation', 'cloudhsmv2': 'cloudhsm',
  'cloudsearchdomain': 'cloudsearch', 'codeguruprofiler': 'codeguru-profiler', 'connect-contact-lens': 'connect',
  'connectcampaigns': 'connect-campaigns', 'connectcampaignsv2': 'connect-campaigns', 'connectcases': 'cases',
  'connectparticipant': 'execute-api', 'customer-profiles': 'profile', 'docdb': 'rds', 'dynamodbstreams': 'dynamodb',
  'efs': 'elasticfilesystem', 'elb': 'elasticloadbalancing', 'elbv2': 'elasticloadbalancing', 'emr': 'elasticmapreduce',
  'finspace-data': 'finspace-api', 'forecastquery': 'forecast', 'greengrassv2': 'greengrass', 'iot-data': 'iot',
  'iot-jobs-data': 'iotjobsdata', 'iot-managed-integrations': 'iotmanagedintegrations', 'iotevents-data': 'iotevents',
  'iotsecuretunneling': 'iot', 'ivs-realtime': 'ivs', 'keyspaces': 'cassandra', 'keyspacesstreams': 'cassandra',
  'kinesis-video-archived-media': 'kinesisvideo', 'kinesis-video-media': 'kinesisvideo',
  'kinesis-video-signaling': 'kinesisvideo', 'kinesis-video-webrtc-storage': 'kinesisvideo',
  'kinesisanalyticsv2': 'kinesisanalytics', 'launch-wizard': 'launchwizard', 'lex-models': 'lex', 'lex-runtime': 'lex',
  'lexv2-models': 'lex', 'lexv2-runtime': 'lex', 'location': 'geo', 'mailmanager': 'ses',
  'marketplace-agreement': 'aws-marketplace', 'marketplace-catalog': 'aws-marketplace',
  'marketplace-deployment': 'aws-marketplace', 'marketplace-entitlement': 'aws-marketplace',
  'marketplace-reporting': 'aws-marketplace', 'mediastore-data': 'mediastore', 'meteringmarketplace': 'aws-marketplace',
  'migration-hub-refactor-spaces': 'refactor-spaces', 'migrationhub-config': 'mgh',
  'migrationhuborchestrator': 'migrationhub-orchestrator', 'migrationhubstrategy': 'migrationhub-strategy',
  'mturk': 'mechanicalturk', 'mwaa': 'airflow', 'neptune': 'rds', 'neptunedata': 'neptune-db',
  'notificationscontacts': 'notifications-contacts', 'opensearch': 'es', 'opensearchserverless': 'aoss',
  'opsworkscm': 'opsworks-cm', 'partnercentral-selling': 'partnercentral', 'payment-cryptography-data': 'payment-cryptography',
  'personalize-events': 'personalize', 'personalize-runtime': 'personalize', 'pinpoint': 'mobiletargeting',
  'pinpoint-email': 'ses', 'pinpoint-sms-voice': 'sms-voice', 'pinpoint-sms-voice-v2': 'sms-voice', 'qconnect': 'wisdom',
  'qldb-session': 'qldb', 'resourcegroupstaggingapi': 'tag', 's3control': 's3', 's3outposts': 's3-outposts',
  'sagemaker-a2i-runtime': 'sagemaker', 'sagemaker-edge': 'sagemaker', 'sagemaker-featurestore-runtime': 'sagemaker',
  'sagemaker-metrics': 'sagemaker', 'sagemaker-runtime': 'sagemaker', 'service-quotas': 'servicequotas',
  'servicecatalog-appregistry': 'servicecatalog', 'sesv2': 'ses', 'socialmessaging': 'social-messaging', 'sso-admin': 'sso',
  'sso-oidc': 'sso-oauth', 'stepfunctions': 'states', 'supplychain': 'scn', 'support-app': 'supportapp', 'taxsettings': 'tax',
  'timestream-query': 'timestream', 'timestream-write': 'timestream', 'voice-id': 'voiceid',
  'workspaces-thin-client': 'thinclient',
};
