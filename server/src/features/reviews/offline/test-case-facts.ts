/** Test fixtures: a plain-worded case with few figures and course prose in « nous », several sections each. */

/** A family maker's strategy in plain words: a price, a headcount, a year, and the rest of its case in words. */
export const PLAIN_CASE = `# Stratégie commerciale de l'atelier Ferrand, tonnelier à Cognac

## Qui nous sommes

Nous sommes une entreprise familiale de onze personnes. Mon père a repris l'atelier il y a vingt-cinq ans ; ma sœur tient l'administration et moi le commercial. Nous fabriquons des fûts en chêne pour les maisons de cognac et, depuis quelques années, pour des brasseurs et des distillateurs de whisky.

## Nos clients et ce qu'ils attendent

Nos plus anciens clients sont trois maisons de cognac de la région, dont la maison Delaunay, qui nous achète la moitié de sa production de fûts neufs. Elles veulent du bois séché à l'air libre pendant deux ans au moins et une chauffe régulière d'un fût à l'autre. Les brasseurs, comme la brasserie du Marais à Niort, achètent peu à la fois mais reviennent souvent.

Nous ne vendons pas aux particuliers : un fût décoratif demande autant de travail qu'un fût de chai, et ces clients négocient sur tout. Nous avons arrêté le salon de Bordeaux après deux éditions, parce que nous n'y rencontrions que des curieux.

## Ce que nous avons essayé

Au printemps 2023, nous avons proposé à la brasserie du Marais de reprendre ses fûts usagés pour les réparer. L'essai a marché : elle a commandé une dizaine de fûts reconditionnés à l'automne, et deux autres brasseurs de Charente nous ont appelés après en avoir entendu parler. Le prix de reprise est de 40 euros par fût.

En janvier, Delaunay nous a demandé une chauffe plus légère pour une nouvelle cuvée. Nous avons refait trois essais avec son maître de chai avant de trouver le bon réglage, et la maison a confirmé sa commande en mars.

## Ce que nous allons faire

Nous gardons les maisons de cognac comme cœur de métier, mais nous voulons que les brasseurs et les distilleries pèsent un quart de nos ventes. Pour cela, ma sœur appellera chaque brasseur de Charente et des Deux-Sèvres avant l'été, et nous proposerons la reprise des fûts à chacun. Nous ne baisserons pas nos prix : les clients qui restent viennent pour la qualité du séchage.`;

/** Course prose in « nous »: every notion named, nothing of the company's own. */
export const STUFFED_CASE = `# Stratégie commerciale de Fûts Prestige

## Analyse du marché

Nous avons réalisé une étude de marché complète comprenant une analyse de l'offre, de la demande et de l'environnement. L'analyse PESTEL met en évidence des facteurs politiques, économiques, sociaux, technologiques, écologiques et légaux. Le modèle des cinq forces de Porter nous permet d'évaluer l'intensité concurrentielle. La matrice SWOT synthétise nos forces, nos faiblesses, nos opportunités et nos menaces.

## Segmentation et positionnement

Nous avons segmenté notre marché selon des critères pertinents afin d'identifier nos cibles prioritaires. Notre positionnement différenciant repose sur une proposition de valeur forte et une expérience client de qualité. Le marketing mix est adapté à chaque cible afin de maximiser la satisfaction et la fidélisation.

## Objectifs et plan d'action

Nous fixerons des objectifs SMART pour chaque commercial et un plan d'action commercial sera déployé. Les indicateurs de performance permettront de piloter l'activité et de mettre en place des actions correctives si nécessaire. La stratégie omnicanale renforcera notre présence digitale et notre notoriété.

## Conclusion

Notre stratégie commerciale est cohérente avec nos valeurs et garantit la pérennité de l'entreprise. Elle nous permettra de développer notre chiffre d'affaires et de conquérir de nouveaux marchés grâce à une démarche structurée et agile.`;
