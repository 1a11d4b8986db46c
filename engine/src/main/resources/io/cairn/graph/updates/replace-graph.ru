# Replaces the content of ?graph with that of ?staging, through the open gate ?gate only (see open-gate.ru).
DELETE { GRAPH ?graph { ?s ?p ?o } }
WHERE { GRAPH ?gate { ?gs ?gp ?go } GRAPH ?graph { ?s ?p ?o } } ;
INSERT { GRAPH ?graph { ?s ?p ?o } }
WHERE { GRAPH ?gate { ?gs ?gp ?go } GRAPH ?staging { ?s ?p ?o } }
