// Starts Swagger UI on /docs over the served OpenAPI document. A file, not an inline script, so that the
// Content-Security-Policy needs no 'unsafe-inline' for scripts.
const root = document.getElementById('swagger-ui');
window.ui = SwaggerUIBundle({ url: root.dataset.openapi, dom_id: '#swagger-ui', deepLinking: true });
