// n8n-core writes its config under N8N_USER_FOLDER and logs every node error unless silenced.
const path = require('path');
process.env.N8N_USER_FOLDER = process.env.N8N_USER_FOLDER || path.join(__dirname, '..', '..', '.n8n-test');
process.env.N8N_LOG_LEVEL = 'silent';
