// No test may reach the EC2 instance metadata service or a real AWS account.
process.env.AWS_EC2_METADATA_DISABLED = 'true';
process.env.AWS_ACCESS_KEY_ID = 'AKIAFAKEFAKEFAKEFAKE';
process.env.AWS_SECRET_ACCESS_KEY = 'fake-secret-access-key-for-tests-only';
process.env.AWS_REGION = 'us-east-1';
delete process.env.AWS_PROFILE;
process.env.NO_COLOR = '1';
