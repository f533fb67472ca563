/**
 * Software bills of materials for an appliance: which packages it holds, in what versions, from
 * whom, under which licenses, and what depends on what, as SPDX 2.3 or CycloneDX 1.6 JSON.
 *
 * <p>{@link org.jsupermin.sbom.Sbom#of} gathers a {@link org.jsupermin.sbom.SbomDocument} from a
 * resolution, the package database's details and the root (its {@code os-release} and, for dpkg,
 * each package's machine-readable {@code /usr/share/doc/NAME/copyright}); a
 * {@link org.jsupermin.sbom.SbomFormat} writes it. Same input, same bytes: the document's time is
 * the build's epoch, its namespace or serial number is derived from its content, and every list is
 * sorted.
 */
package org.jsupermin.sbom;
