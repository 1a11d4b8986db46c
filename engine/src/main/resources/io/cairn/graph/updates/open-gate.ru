PREFIX cairn: <https://w3id.org/cairn/ns#>

# The compare-and-set of a replicated write: opens the gate graph ?gate only when the store's version is still
# ?expected (0: never written). The operations after it in the same request copy staged graphs only through an
# open gate, so a write validated against version ?expected changes nothing once another write moved the version.
INSERT { GRAPH ?gate { <urn:cairn:store> cairn:gateOpen true } }
WHERE {
  OPTIONAL { GRAPH <urn:cairn:graph:meta> { <urn:cairn:store> cairn:storeVersion ?stored } }
  BIND (COALESCE(?stored, 0) AS ?current)
  FILTER (?current = ?expected)
}
