// Not the package's entry point and not published: n8n loads the nodes and credentials listed under
// "n8n" in package.json. Kept so the repository layout matches n8n's community-node starter.
module.exports = {};
