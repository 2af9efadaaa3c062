"""Runs AWS's SAM translator on templates, as CloudFormation's AWS::Serverless transform does.

stdin:  JSON list of {"input": SAM template path, "output": path for the CloudFormation}
stdout: JSON list of {"input": path, "error": null or the translator's message}

Local CodeUri/ContentUri values are first replaced by s3:// URIs, as `aws cloudformation
package` does (https://docs.aws.amazon.com/cli/latest/reference/cloudformation/package.html),
because the translator accepts only S3 locations. DefinitionBody is left as it is, so the
swagger is read by SAM (cfn-lint's own transform replaces it with "").
"""

import json
import os
import sys

from samtranslator.model.exceptions import InvalidDocumentException
from samtranslator.translator.transform import transform

# cfn-lint ships the managed-policy map the SAM CLI uses offline.
import cfnlint.data.Serverless

MANAGED_POLICIES = os.path.join(os.path.dirname(cfnlint.data.Serverless.__file__), "ManagedPolicies.json")
LOCAL_URIS = {"AWS::Serverless::Function": "CodeUri", "AWS::Serverless::LayerVersion": "ContentUri"}


class FileManagedPolicyLoader:
    """The loader interface transform() calls: load() -> {policy name: ARN}."""

    def load(self):
        with open(MANAGED_POLICIES, encoding="utf-8") as f:
            return json.load(f)


def to_s3_uris(template):
    for name, resource in template.get("Resources", {}).items():
        key = LOCAL_URIS.get(resource.get("Type"))
        properties = resource.get("Properties", {})
        value = properties.get(key) if key else None
        if isinstance(value, str) and not value.startswith("s3://"):
            properties[key] = "s3://appc-sam-translate/" + name


def translate(job, loader):
    with open(job["input"], encoding="utf-8") as f:
        template = json.load(f)
    to_s3_uris(template)
    try:
        translated = transform(template, {}, loader)
    except InvalidDocumentException as error:
        return "; ".join(cause.message for cause in error.causes)
    with open(job["output"], "w", encoding="utf-8") as f:
        json.dump(translated, f, indent=2)
    return None


def main():
    # The translator builds ARNs for the region it runs in.
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    loader = FileManagedPolicyLoader()
    jobs = json.load(sys.stdin)
    json.dump([{"input": job["input"], "error": translate(job, loader)} for job in jobs], sys.stdout)


if __name__ == "__main__":
    main()
